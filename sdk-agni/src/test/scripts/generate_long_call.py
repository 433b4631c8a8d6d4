#!/usr/bin/env python3
"""Writes fixtures/agni/call.completed.long.json: a 30-minute call with 400 transcript turns.

Deterministic (no randomness), so re-running it reproduces the committed file byte for byte.
Run from the module directory: python3 src/test/scripts/generate_long_call.py
"""
import json
from datetime import datetime, timedelta, timezone

TURNS = 400
STEP_MS = 4_500
START = datetime(2026, 3, 24, 14, 0, 0, tzinfo=timezone.utc)
AGENT_LINES = [
    "Could you tell me a little more about how your team handles that today?",
    "That makes sense. Our pro plan includes scheduled exports and role-based access.",
    "Let me note that down so the account manager has the full picture.",
    "Would a short demo next week help your colleagues evaluate it?",
]
USER_LINES = [
    "We mostly do it by hand in spreadsheets, which takes a few hours every week.",
    "Access control matters to us, we have contractors who should only see their projects.",
    "Our budget is approved for this quarter, but procurement needs two quotes.",
    "Tuesday or Wednesday afternoon would work for a demo.",
]


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    transcripts = []
    for i in range(TURNS):
        agent = i % 2 == 0
        lines = AGENT_LINES if agent else USER_LINES
        offset_ms = i * STEP_MS
        transcripts.append({
            "id": "t-%03d" % (i + 1),
            "timestamp_ms": offset_ms,
            "role": "agent" if agent else "user",
            "message": {"content": "%s (turn %d)" % (lines[(i // 2) % len(lines)], i + 1),
                        "format": "text"},
            "created_at": iso(START + timedelta(milliseconds=offset_ms)),
        })
    duration_sec = TURNS * STEP_MS // 1000
    payload = {
        "event": "call.completed",
        "org_id": "1268c1f0-19f3-47db-aefb-c16a7c3ace6e",
        "data": {
            "campaign_id": "019d2a1b-4c5e-7f8a-9b0c-1d2e3f4a5b6c",
            "contact_id": "019d2a1b-5d6f-7a8b-9c0d-2e3f4a5b6c7d",
            "phone": "+14155550100",
            "status": "completed",
            "duration_sec": duration_sec,
            "call_session_id": "019d2b3c-cccc-7a0b-1c2d-4e5f6a7b8c9d",
            "attempt": 2,
            "summary": "Long discovery call; demo requested for next week.",
            "recording_url": "https://storage.agniai.com/rec/019d2b3c-cccc.mp3",
            "caller_number": "+18881234567",
            "callee_number": "+14155550100",
            "caller_name": "Jane Roe",
            "caller_email": "jane@example.com",
            "agent_name": "Sales Agent",
            "channel": "sip",
            "disconnect_reason": "agent_hangup",
            "cost_total": 3.85,
            "call_latency_ms": 180,
            "started_at": iso(START),
            "ended_at": iso(START + timedelta(seconds=duration_sec)),
            "created_at": iso(START),
            "post_call_analysis": {
                "sentiment": "positive",
                "disposition": "meeting_booked",
                "goals_met": True,
                "next_steps": "Send two quotes; demo on Tuesday afternoon.",
            },
            "transcripts": transcripts,
        },
    }
    with open("src/test/resources/fixtures/agni/call.completed.long.json", "w") as out:
        json.dump(payload, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()

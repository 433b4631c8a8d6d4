/**
 * Implementation details shared by the VoiceHooks modules. Not an API: anything here may change in
 * any release.
 */
@NullMarked
package io.voicehooks.core.internal;

import org.jspecify.annotations.NullMarked;

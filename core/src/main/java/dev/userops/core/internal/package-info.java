/**
 * Helpers the library's modules share to implement their types: argument checks, the binary
 * framing of persisted forms, the bad-record screen, accumulator plumbing and JSON reading. Exported
 * only to the library's own modules (a qualified export); hosts use the public types instead.
 */
package dev.userops.core.internal;

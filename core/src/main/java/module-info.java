/**
 * UserOps core: the vocabulary and contracts every other module shares — events, calendar
 * periods in a zone, the mergeable accumulator contract, configuration JSON and bad-record handling.
 */
// The qualified export names modules built after core, which javac cannot see here.
@SuppressWarnings("module")
module dev.userops.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;

  exports dev.userops.core;
  exports dev.userops.core.event;
  exports dev.userops.core.summary;
  // Helpers for implementing the library's own modules (argument checks, binary framing, the
  // bad-record screen, accumulator plumbing, JSON reading): not an API for hosts.
  exports dev.userops.core.internal to
      dev.userops.sample,
      dev.userops.segmentation,
      dev.userops.retention,
      dev.userops.incentives;

  opens dev.userops.core.event to com.fasterxml.jackson.databind;
  opens dev.userops.core.summary to com.fasterxml.jackson.databind;

  // Readers of this module's accumulator families for Accumulator.fromBytes(bytes).
  uses dev.userops.core.internal.AccumulatorFormats;
  provides dev.userops.core.internal.AccumulatorFormats with dev.userops.core.internal.CoreFormats;
}

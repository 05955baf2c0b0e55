/**
 * UserOps core: the vocabulary and contracts every other module shares — events, calendar
 * periods in a zone, the mergeable accumulator contract, configuration JSON and bad-record handling.
 */
module dev.userops.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;

  exports dev.userops.core;
  exports dev.userops.core.event;
  exports dev.userops.core.summary;

  opens dev.userops.core.event to com.fasterxml.jackson.databind;
  opens dev.userops.core.summary to com.fasterxml.jackson.databind;
}

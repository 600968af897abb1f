"""Pure logic: money, schedules, assessments and rules. No Textual, no I/O."""

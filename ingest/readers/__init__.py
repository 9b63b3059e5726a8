"""One module per input format; each yields Paper records or Rejected notes, never raises on one bad record."""

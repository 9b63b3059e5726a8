"""Answering one question: follow-ups, planning, evidence, composing each answer kind, citations, verification."""

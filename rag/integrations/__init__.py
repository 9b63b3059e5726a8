"""paperchat seen from other frameworks: adapters that hand our index to them, in their own types."""

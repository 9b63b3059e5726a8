"""paperchat: eval."""

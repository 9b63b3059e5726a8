"""paperchat: ui."""

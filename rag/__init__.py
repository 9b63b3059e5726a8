"""paperchat: rag."""

"""Text rules every layer shares: cleaning, sentences, tokens, names and the `[n]` marker grammar."""

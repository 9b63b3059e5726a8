"""Reading abstracts from files, chunking them, and writing them to the store."""

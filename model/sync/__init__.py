"""Offline take-out and sync back (issue #17): ``checkout`` copies one transcript of a server,
with its history, into a new SQLite file; ``sync`` sends what was done in that file back as new
operations on the server and then refreshes the file from it (see ``model.sync.replay``)."""

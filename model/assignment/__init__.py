"""Assignment: who works on which transcript, and where it stands (issue 17).

A transcript (or a range of its turns) is handed to an annotator and later to a reviewer, with
a state::

    unassigned -> assigned -> in_progress -> submitted -> in_review -> approved
                                   ^                          |
                                   +------ rejected ----------+

``tables`` holds the ``assignment`` table (one row per transcript that ever had one, or per
range of turns once an admin split it) and the undo guard; ``ops`` the transitions, each one
journaled store operation that the role of the acting person allows (``model.people``; on a
server also ``model.server_roles``), and ``claim_next``, which hands two people calling it at the
same moment two different transcripts (or ranges).
"""

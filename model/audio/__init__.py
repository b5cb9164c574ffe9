"""The recording beside the transcript: which file it is, when each segment is spoken.

``tables`` (the schema: a recording's identity, never its media; known segment and
gap times), ``timing`` (times of every segment: known ones, the rest estimated from
neighbours), ``ops`` (attach, detach, relink, stamp, nudge, apply an alignment: one
undoable operation each), ``pcm`` (audio to 16 kHz mono samples without Qt),
``align`` (the offline aligner, pocketsphinx) and ``words`` (text to spoken words).
"""

"""Store operations: every user action as one journaled, undoable transaction.

Each public function takes the ``Store`` first, changes the database inside
``store.operation(...)`` and returns the change event id (for undo/redo), or
``None`` when there was nothing to change. Bad input raises a one-line
``TaiyakuError`` (``NotFound``/``OperationFailed``) and changes nothing.

Modules: ``corrections`` (edit text, accept/reject, revert), ``gaps``,
``speakers``, ``alignment``, ``review_state``, ``find_replace``.
"""

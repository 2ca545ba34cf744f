-- One row per audit, locked (SELECT ... FOR UPDATE) by the transaction of the node whose run of the audit works:
-- beside Quartz's own guard, it keeps a node that was frozen (SIGSTOP, a long GC pause) and then resumes from
-- working on the audit at the same time as the node that took its run over. A node that dies releases the lock
-- with its connection.
CREATE TABLE L2O_AUDIT_LOCK (
  AUDIT_NAME VARCHAR(200) NOT NULL PRIMARY KEY
);

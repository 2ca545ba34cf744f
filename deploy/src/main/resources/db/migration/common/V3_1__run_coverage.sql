-- Blueprint coverage of each run (l2o serve): the overall share (SECTION 'overall', POSITION 0) and the share of each
-- section that had elements, in report order. Shares are 0-1: (live + half of partly live) / elements.

CREATE TABLE L2O_RUN_COVERAGE (
  RUN_ID   BIGINT           NOT NULL REFERENCES L2O_RUN (RUN_ID) ON DELETE CASCADE,
  POSITION INTEGER          NOT NULL,
  SECTION  VARCHAR(64)      NOT NULL,
  SHARE    DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (RUN_ID, POSITION)
);

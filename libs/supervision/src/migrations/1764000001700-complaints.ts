import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 投诉: a bidder's complaint about a project, its evidence, and each suspension of the project it caused. The
 * complaint's deadlines are columns (not milestones): they bind the supervisor, and a suspension of the project
 * must not pause them.
 */
export class Complaints1764000001700 implements MigrationInterface {
  name = 'Complaints1764000001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES trading_project(id),
        objection_id uuid REFERENCES tender_objection(id),
        complainant_organisation_id uuid NOT NULL REFERENCES organisation(id),
        filed_by uuid NOT NULL REFERENCES account(id),
        respondent_organisation_id uuid NOT NULL REFERENCES organisation(id),
        grounds text NOT NULL CHECK (length(grounds) BETWEEN 1 AND 5000),
        status text NOT NULL DEFAULT 'filed' CHECK (status IN ('filed','accepted','rejected','withdrawn','decided')),
        filed_at timestamptz NOT NULL DEFAULT now(),
        acceptance_due timestamptz NOT NULL,
        handled_at timestamptz,
        handled_by uuid REFERENCES account(id),
        handled_role text CHECK (handled_role IN ('office','regulator')),
        handling_note text,
        handled_on_time boolean,
        decision_due timestamptz,
        outcome text CHECK (outcome IN ('upheld','dismissed')),
        decision text,
        decided_at timestamptz,
        decided_by uuid REFERENCES account(id),
        decided_role text CHECK (decided_role IN ('office','regulator')),
        decided_on_time boolean,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (respondent_organisation_id <> complainant_organisation_id),
        CHECK ((status = 'filed') = (handled_at IS NULL) OR status = 'withdrawn'),
        CHECK ((status IN ('accepted','decided') OR (status = 'withdrawn' AND handled_at IS NOT NULL)) = (decision_due IS NOT NULL)),
        CHECK ((status = 'decided') = (decided_at IS NOT NULL) AND (decided_at IS NULL) = (outcome IS NULL) AND (decided_at IS NULL) = (decision IS NULL)),
        CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX complaint_project_idx ON complaint (project_id, filed_at)`);
    await q.query(`CREATE INDEX complaint_complainant_idx ON complaint (complainant_organisation_id, filed_at)`);
    await q.query(`CREATE INDEX complaint_status_idx ON complaint (status, filed_at)`);
    await q.query(`CREATE INDEX complaint_published_idx ON complaint (decided_at DESC, id) WHERE status = 'decided'`);
    // One open complaint per objection: filing twice while the first is pending is refused, not stored twice.
    await q.query(`CREATE UNIQUE INDEX complaint_open_objection_idx ON complaint (objection_id) WHERE status IN ('filed','accepted')`);
    await q.query(`
      CREATE TABLE complaint_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint(id),
        no int NOT NULL CHECK (no BETWEEN 1 AND 20),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type text NOT NULL,
        size int NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (complaint_id, no)
      )`);
    // suspended_at is the project's own suspended_at, written in the same transaction: while they are equal and
    // the project is suspended, the suspension is still this complaint's.
    await q.query(`
      CREATE TABLE complaint_suspension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint(id),
        project_id uuid NOT NULL REFERENCES trading_project(id),
        reason text NOT NULL,
        suspended_at timestamptz NOT NULL,
        suspended_by uuid NOT NULL REFERENCES account(id),
        paused_milestones int NOT NULL,
        resumed_at timestamptz,
        resumed_by uuid REFERENCES account(id),
        resume_note text,
        shifted_milestones int,
        CHECK ((resumed_at IS NULL) = (shifted_milestones IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX complaint_suspension_open_idx ON complaint_suspension (complaint_id) WHERE resumed_at IS NULL`);
    await q.query(`CREATE INDEX complaint_suspension_complaint_idx ON complaint_suspension (complaint_id, suspended_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_suspension`);
    await q.query(`DROP TABLE complaint_evidence`);
    await q.query(`DROP TABLE complaint`);
  }
}

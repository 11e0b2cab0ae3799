// docs/supervision-audit.md: which audit subjects belong to a project, as the domains write them.

/** Subject types whose id is the project's own id (the kernel and each domain's registration of it). */
export const PROJECT_ID_SUBJECTS: readonly string[] = ['trading_project', 'tender', 'land_parcel', 'rural_deal'];

/** Subject types with a row that names its project (`<table>.project_id`). */
export const PROJECT_CHILD_SUBJECTS: readonly { type: string; table: string }[] = [
  { type: 'lot', table: 'lot' },
  { type: 'expert_draw', table: 'expert_draw' },
  { type: 'scheduling_session', table: 'scheduling_session' },
  { type: 'collusion_signal', table: 'collusion_signal' },
  { type: 'complaint', table: 'complaint' },
  { type: 'procurement_requirement', table: 'procurement_requirement' },
];

/** Milestones belong to whatever their own subject belongs to (milestone.subject_type / subject_id). */
export const MILESTONE_SUBJECT = 'milestone';

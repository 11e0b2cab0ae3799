/** Every BullMQ queue and job name of the platform, in one place. */
export enum QueueName {
  Milestones = 'milestones',
  Notifications = 'notifications',
  LotClosings = 'lot-closings',
  /** demo systems only (DEMO_LIVE_LOT=1, apps/worker/src/demo): keeps a live lot coming */
  Demo = 'demo',
}

export enum JobName {
  /** one milestone's own job (before wake-ups per due second); still honoured for jobs queued by older releases */
  FireMilestone = 'fire-milestone',
  /** wakes a worker to fire every milestone that comes due before `until` (one job per due second) */
  WakeMilestones = 'wake-milestones',
  ReconcileMilestones = 'reconcile-milestones',
  Notify = 'notify',
  CloseLot = 'close-lot',
  DemoLiveLot = 'demo-live-lot',
}

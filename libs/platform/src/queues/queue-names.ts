/** Every BullMQ queue and job name of the platform, in one place. */
export enum QueueName {
  Milestones = 'milestones',
  Notifications = 'notifications',
  LotClosings = 'lot-closings',
  /** demo systems only (DEMO_LIVE_LOT=1, apps/worker/src/demo): keeps a live lot coming */
  Demo = 'demo',
}

export enum JobName {
  FireMilestone = 'fire-milestone',
  ReconcileMilestones = 'reconcile-milestones',
  Notify = 'notify',
  CloseLot = 'close-lot',
  DemoLiveLot = 'demo-live-lot',
}

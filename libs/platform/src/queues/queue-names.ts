/** Every BullMQ queue and job name of the platform, in one place. */
export enum QueueName {
  Milestones = 'milestones',
  Notifications = 'notifications',
  LotClosings = 'lot-closings',
}

export enum JobName {
  FireMilestone = 'fire-milestone',
  ReconcileMilestones = 'reconcile-milestones',
  Notify = 'notify',
  CloseLot = 'close-lot',
}

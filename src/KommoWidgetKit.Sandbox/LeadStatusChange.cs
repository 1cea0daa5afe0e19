namespace KommoWidgetKit.Sandbox;

/// <summary>
/// A lead that entered a stage through the API (added, or moved to another stage or pipeline), raised by
/// <see cref="SandboxStore.LeadsMoved"/> after the write committed.
/// </summary>
/// <param name="LeadId">The lead.</param>
/// <param name="OldPipelineId">Its pipeline before the write; null for a lead just added.</param>
/// <param name="OldStatusId">Its stage before the write; null for a lead just added.</param>
/// <param name="PipelineId">Its pipeline now.</param>
/// <param name="StatusId">Its stage now.</param>
/// <param name="Time">When it moved (Unix seconds).</param>
public sealed record LeadStatusChange(long LeadId, long? OldPipelineId, long? OldStatusId, long PipelineId, long StatusId, long Time);

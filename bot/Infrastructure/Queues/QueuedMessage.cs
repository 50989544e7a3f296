namespace BepBot.Infrastructure.Queues;

/// <summary>A received message. <see cref="PopReceipt"/> proves the receiver still holds it: it changes when the
/// message is received again or delayed, and an old one no longer completes or delays it.</summary>
public sealed record QueuedMessage(string QueueName, string MessageId, string PopReceipt, BinaryData Body, long DequeueCount);

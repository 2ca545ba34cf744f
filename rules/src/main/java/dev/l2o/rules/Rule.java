package dev.l2o.rules;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.Snapshot;

/** A named check of the snapshot against the blueprint. Implementations are stateless and thread-safe. */
public interface Rule {
    RuleDescriptor descriptor();

    /** Reports every finding through {@code context}; never throws for data it does not understand. */
    void check(Blueprint blueprint, Snapshot snapshot, RuleContext context);
}

/**
 * The blueprint: its records, the loader that reads and checks YAML files ({@link dev.l2o.blueprint.BlueprintLoader}),
 * the JSON Schema shipped for editors ({@link dev.l2o.blueprint.BlueprintSchema}), and where each part of a
 * file is ({@link dev.l2o.blueprint.SourcePositions}) so that reports can point at blueprint lines.
 *
 * <p>Structure (keys, types, required keys, allowed values, ranges) is checked against the schema itself, so
 * the schema editors see and the loader cannot disagree; what a schema cannot say (unique keys, references,
 * contradictions, CEL) is checked in code. Every problem carries file, line and column.
 */
package dev.l2o.blueprint;

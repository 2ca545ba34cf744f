/**
 * A small wrapper over Google CEL for the blueprint's conditions (routing {@code when}, custom rule
 * {@code when}/{@code require}): compile once over named map variables, evaluate to true or false with a
 * clear error, and normalise Java values to the types CEL can compare.
 */
package dev.l2o.rules.cel;

/** The blueprint's custom rules ({@code rules[]}) as {@link dev.l2o.rules.Rule}s; see {@link dev.l2o.rules.custom.CustomRules}. */
package dev.l2o.rules.custom;

// Package disclosure is the statistical disclosure control of the
// organisation overview: which figures about groups of people may be
// published, how they are rounded, and an attacker that checks a release.
//
// The method (docs/privacy.md says it for readers):
//
//   - Threshold rule: a group is published only with at least N distinct
//     people (N is the overview's minimum group size, never below 5).
//   - Every published count is rounded to a multiple of Base by unbiased
//     random rounding: 5q+r becomes 5q+5 with probability r/5, else 5q.
//     The draw is a hash of the figure's name and of the sorted IDs of
//     everyone in the group (Rounder), so the same people always give the
//     same figures (re-running and averaging learns nothing) and any change
//     of membership draws every figure of the group again, which is what
//     the "cell key" method of statistics offices does against differencing.
//   - Figures derived from counts (totals, shares, "with a gap") are
//     computed from the rounded counts, so they add no information.
//   - An audit (Audit) computes by linear programming the smallest and
//     largest true value of every count that all published figures allow;
//     a count that comes out too narrow is withheld (Weak, Protect).
//
// Difference is the attacker with two releases that differ by one person.
// The package imports nothing of the project.
package disclosure

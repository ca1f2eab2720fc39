package disclosure

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
)

// Base is the rounding base: every published count is a multiple of it.
const Base = 5

// domain separates these draws from any other use of the same IDs.
const domain = "zelfscan disclosure rounding v1\x00"

// Rounder rounds the counts of one group of contributors.
type Rounder struct{ key [sha256.Size]byte }

// NewRounder keys the rounding with everyone who contributes to a group:
// the order of ids does not matter, any change of the set changes every
// draw. IDs are random and never published, so the draws cannot be
// predicted from a release.
func NewRounder(ids []string) Rounder {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	h := sha256.New()
	h.Write([]byte(domain))
	for _, id := range sorted {
		// Length prefixes keep ("ab","c") and ("a","bc") apart.
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(id)))
		h.Write(n[:])
		h.Write([]byte(id))
	}
	var r Rounder
	h.Sum(r.key[:0])
	return r
}

// Round rounds n (>= 0) to a multiple of Base: up with probability
// (n mod Base)/Base, the draw being a hash of the key and the figure's
// name. 0 stays 0, and the result is never more than Base-1 off.
func (r Rounder) Round(figure string, n int) int {
	rem := n % Base
	if rem == 0 {
		return n
	}
	h := sha256.New()
	h.Write(r.key[:])
	h.Write([]byte(figure))
	var sum [sha256.Size]byte
	draw := binary.BigEndian.Uint64(h.Sum(sum[:0])) % Base
	if int(draw) < rem {
		return n - rem + Base
	}
	return n - rem
}

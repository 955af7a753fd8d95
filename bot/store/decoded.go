package store

import (
	"sync"

	"casebot/bot/cases"
)

// decodedMax bounds the decoded cases kept: past it the cache starts over.
// A ledger of a few thousand cases fits whole; a case changed is a new
// entry (its JSON differs), so entries of old versions are what a restart
// of the cache clears.
const decodedMax = 8192

// decodedCases remembers cases decoded from their stored JSON, by that
// JSON. Nearly every chat message reads the cases it may see again, and
// decoding them was the largest share of the chat path's allocations; a
// case whose JSON is byte for byte the one decoded before is that case.
// Redis is still read every time, so nothing stale is ever returned: only
// the decoding is saved. Callers get a Clone, never the kept value.
type decodedCases struct {
	mu sync.Mutex
	m  map[string]*cases.Case
}

// decode returns the case b holds, as decodeCase does.
func (d *decodedCases) decode(b []byte) (*cases.Case, error) {
	if d == nil {
		return decodeCase(b)
	}
	d.mu.Lock()
	c, ok := d.m[string(b)]
	d.mu.Unlock()
	if ok {
		return c.Clone(), nil
	}
	c, err := decodeCase(b)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	if d.m == nil || len(d.m) >= decodedMax {
		d.m = make(map[string]*cases.Case, 256)
	}
	d.m[string(b)] = c
	d.mu.Unlock()
	return c.Clone(), nil
}

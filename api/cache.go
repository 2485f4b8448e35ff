package api

import (
	"context"
	"sync"
	"time"
)

// answerCache keeps computed answers (projections, assessments, charts) keyed
// by request and data version. When the store's data version moves, every
// entry is dropped at once: nothing computed from older data is served.
//
// The data version itself is read from the store at most every versionTTL;
// a write through this server invalidates it immediately, so a push is never
// followed by a stale answer from the server that took it. Other writers (a
// replica, the CLI on InfluxDB) are seen within versionTTL.
type answerCache struct {
	versionTTL time.Duration
	maxEntries int
	version    func(context.Context) (string, error)

	mu         sync.Mutex
	cur        string
	checked    time.Time // zero: no trusted version (never read, or invalidated)
	refreshing bool      // one caller is asking the store
	generation uint64    // bumped by Invalidate: a refresh begun before it must not be trusted
	entries    map[string][]byte
	computing  map[string]*call
}

type call struct {
	done chan struct{}
	val  []byte
	err  error
}

func newAnswerCache(version func(context.Context) (string, error), ttl time.Duration, maxEntries int) *answerCache {
	return &answerCache{version: version, versionTTL: ttl, maxEntries: maxEntries, entries: map[string][]byte{}, computing: map[string]*call{}}
}

// Version returns the current data version (cached for versionTTL). Past
// the TTL one caller asks the store while the others keep the version they
// have (stale-while-revalidate), so a crowd of requests does not query the
// store at once; after Invalidate everyone waits for a fresh one.
func (c *answerCache) Version(ctx context.Context) (string, error) {
	c.mu.Lock()
	if !c.checked.IsZero() && (time.Since(c.checked) < c.versionTTL || c.refreshing) {
		v := c.cur
		c.mu.Unlock()
		return v, nil
	}
	c.refreshing = !c.checked.IsZero()
	gen := c.generation
	c.mu.Unlock()
	v, err := c.version(ctx)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refreshing = false
	if err != nil {
		return "", err
	}
	if gen != c.generation {
		// Invalidated while we asked: v may predate the write. Use it for this
		// call only if nothing better is known, and trust it for no one else.
		return v, nil
	}
	if v != c.cur {
		c.cur, c.entries = v, map[string][]byte{}
	}
	c.checked = time.Now()
	return v, nil
}

// Invalidate forces the next Version call to ask the store.
func (c *answerCache) Invalidate() {
	c.mu.Lock()
	c.checked = time.Time{}
	c.generation++
	c.mu.Unlock()
}

// cached returns the answer for key at the current data version, computing
// it once (answerCache.Get), and counts the hit or miss under kind in the
// metrics.
func (s *Server) cached(ctx context.Context, kind, key string, compute func() ([]byte, error)) ([]byte, error) {
	body, _, hit, err := s.cache.Get(ctx, key, compute)
	result := "miss"
	if hit {
		result = "hit"
	}
	s.metrics.cache.WithLabelValues(kind, result).Inc()
	return body, err
}

// Get returns the answer for key at the current version, computing it once
// (concurrent callers of the same key wait for the one computation).
func (c *answerCache) Get(ctx context.Context, key string, compute func() ([]byte, error)) (val []byte, version string, hit bool, err error) {
	version, err = c.Version(ctx)
	if err != nil {
		return nil, "", false, err
	}
	full := version + "\x00" + key
	c.mu.Lock()
	if v, ok := c.entries[full]; ok {
		c.mu.Unlock()
		return v, version, true, nil
	}
	if cl, ok := c.computing[full]; ok {
		c.mu.Unlock()
		<-cl.done
		return cl.val, version, true, cl.err
	}
	cl := &call{done: make(chan struct{})}
	c.computing[full] = cl
	c.mu.Unlock()

	cl.val, cl.err = compute()
	close(cl.done)

	c.mu.Lock()
	delete(c.computing, full)
	if cl.err == nil && c.cur == version {
		if len(c.entries) >= c.maxEntries {
			c.entries = map[string][]byte{} // crude but bounded; answers are cheap to recompute
		}
		c.entries[full] = cl.val
	}
	c.mu.Unlock()
	return cl.val, version, false, cl.err
}

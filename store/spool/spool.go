// Package spool keeps plancast's promise that a push answered with 2xx is
// never lost when the backend (InfluxDB) is down or slow.
//
// A spool.Store wraps a backend. A write is validated in full first (values,
// and the catalog as last seen), then tried on the backend; when the backend
// is unavailable or does not answer within WriteTimeout, the batch is
// appended to a local bbolt file, fsynced, and acknowledged as queued. A
// replayer writes queued batches to the backend in the order they were
// accepted once it answers again, deleting each only after the backend took
// it. While anything is queued, new writes queue behind it, so order is kept.
//
// Replaying is idempotent: a batch that reached the backend before a crash
// and is replayed again counts as unchanged there. Each batch of figures or
// targets, and each declaration of indicators, is judged again as it is
// replayed, against the backend's catalog as it is then (recheck: another
// replica may have changed it meanwhile; a declaration may not change the
// unit of an indicator stored since).
// A batch that no longer passes, or that the backend refuses as invalid,
// moves whole to a dead-letter bucket, is logged, and is reported by
// Status (Dead, Refused); it does not block the queue.
//
// Reads pass straight to the backend: when it is down they fail with
// EUNAVAILABLE, and while batches are queued they do not see them yet.
package spool

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/plancast/plancast"
)

var (
	bucketQueue = []byte("queue")   // seq → entry, in acceptance order
	bucketDead  = []byte("dead")    // seq → entry with the refusal
	bucketMeta  = []byte("meta")    // "catalog" → the last catalog seen
	bucketToken = []byte("tokens")  // hash → token, as last read from the backend
	keyCatalog  = []byte("catalog") //
	keyBackend  = []byte("backend") // meta: which backend the queue is for (Options.Backend)
)

// FileName is the spool's file inside the data directory.
const FileName = "spool.db"

// Options tune a spool.
type Options struct {
	// WriteTimeout bounds a direct write to the backend before the batch is
	// queued instead; default 5 s.
	WriteTimeout time.Duration
	// RetryMin and RetryMax bound the replayer's back-off; default 250 ms and 5 s.
	RetryMin, RetryMax time.Duration
	Logger             *slog.Logger
	// Backend names the backend for people (e.g. "InfluxDB http://host:8086
	// bucket plancast", its password redacted); it is kept in the spool, so
	// that Pending can say which store its queued batches are for.
	Backend string
}

// entry is one queued batch.
type entry struct {
	Kind         string                 `json:"kind"` // observations, targets, regions, indicators
	Accepted     time.Time              `json:"accepted"`
	Observations []plancast.Observation `json:"observations,omitempty"`
	Targets      []plancast.Target      `json:"targets,omitempty"`
	Regions      []plancast.Region      `json:"regions,omitempty"`
	Indicators   []plancast.Indicator   `json:"indicators,omitempty"`
	// Units are the unit of each indicator of a batch of figures or
	// targets as the catalog said when it was accepted: its values were
	// converted to them. The replay re-checks them (recheck). Absent in
	// batches queued by builds before it: those are checked for their
	// regions and indicators only.
	Units   map[string]string `json:"units,omitempty"`
	Refusal string            `json:"refusal,omitempty"` // dead letters only
}

// catalog is the last catalog read from the backend, kept so that pushes can
// be validated while the backend is down (and across restarts).
type catalog struct {
	Regions    []plancast.Region    `json:"regions"`
	Indicators []plancast.Indicator `json:"indicators"`
}

// Store is a backend with a durable write spool in front of it.
type Store struct {
	plancast.Store // the backend: reads and token operations pass through

	db   *bbolt.DB
	path string
	opt  Options
	log  *slog.Logger

	// writeMu serialises writes, so that "queue non-empty → queue behind"
	// and the replayer's order cannot interleave with a direct write.
	writeMu sync.Mutex
	wake    chan struct{}
	stop    context.CancelFunc
	done    chan struct{}

	catMu sync.Mutex
	cat   catalog
}

// Open opens the spool file at path in front of backend and starts the
// replayer. Close stops the replayer and closes the spool and the backend.
func Open(backend plancast.Store, path string, opt Options) (*Store, error) {
	if opt.WriteTimeout == 0 {
		opt.WriteTimeout = 5 * time.Second
	}
	if opt.RetryMin == 0 {
		opt.RetryMin = 250 * time.Millisecond
	}
	if opt.RetryMax == 0 {
		opt.RetryMax = 5 * time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, plancast.Errorf(plancast.EUNAVAILABLE, "create spool directory %s: %v", filepath.Dir(path), err)
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: 300 * time.Millisecond})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, plancast.Errorf(plancast.EUNAVAILABLE, "the spool %s is held by another plancast process", path)
		}
		return nil, plancast.Errorf(plancast.EUNAVAILABLE, "open spool %s: %v", path, err)
	}
	s := &Store{Store: backend, db: db, path: path, opt: opt, log: opt.Logger, wake: make(chan struct{}, 1), done: make(chan struct{})}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketQueue, bucketDead, bucketMeta, bucketToken} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if opt.Backend != "" {
			if err := tx.Bucket(bucketMeta).Put(keyBackend, []byte(opt.Backend)); err != nil {
				return err
			}
		}
		if v := tx.Bucket(bucketMeta).Get(keyCatalog); v != nil {
			return json.Unmarshal(v, &s.cat)
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, plancast.Errorf(plancast.EUNAVAILABLE, "initialise spool %s: %v", path, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	go s.replay(ctx)
	if s.queued() {
		n := s.depth()
		s.log.Warn("spool holds batches from before the restart; replaying", "batches", n, "spool", path)
	}
	return s, nil
}

// Backlog is what a spool file holds that its backend has not taken yet.
type Backlog struct {
	Queued  int       // batches accepted (answered 202) and not written
	Oldest  time.Time // when the oldest of them was accepted
	Backend string    // the backend they are for, as Options.Backend named it ("" when not recorded)
}

// Pending reads the backlog of the spool file at path without opening a
// backend or replaying anything (read-only); a missing file holds nothing.
// A server starting on another store over a data directory uses it to say
// that batches wait there for the backend they were accepted for.
func Pending(path string) (Backlog, error) {
	var b Backlog
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return b, nil
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: 300 * time.Millisecond, ReadOnly: true})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return b, plancast.Errorf(plancast.EUNAVAILABLE, "the spool %s is held by another plancast process", path)
		}
		return b, plancast.Errorf(plancast.EUNAVAILABLE, "read spool %s: %v", path, err)
	}
	defer db.Close()
	err = db.View(func(tx *bbolt.Tx) error {
		if m := tx.Bucket(bucketMeta); m != nil {
			b.Backend = string(m.Get(keyBackend))
		}
		q := tx.Bucket(bucketQueue)
		if q == nil {
			return nil
		}
		b.Queued = q.Stats().KeyN
		if _, v := q.Cursor().First(); v != nil {
			var e entry
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			b.Oldest = e.Accepted.UTC()
		}
		return nil
	})
	if err != nil {
		return b, plancast.Errorf(plancast.EUNAVAILABLE, "read spool %s: %v", path, err)
	}
	return b, nil
}

// Path is the spool file's path.
func (s *Store) Path() string { return s.path }

// Close stops the replayer (batches still queued stay on disk for the next
// start) and closes the spool and the backend.
func (s *Store) Close() error {
	s.stop()
	<-s.done
	err := s.db.Close()
	return errors.Join(err, s.Store.Close())
}

// Regions reads through to the backend and remembers the answer; while the
// backend is unavailable it answers from the last copy (plus regions waiting
// in the queue), so that pushes can still be parsed and validated.
//
// Declarations waiting in the queue are laid over the answer, each as the
// last queued one says it: they are not in the backend yet, but a push is
// judged against them as against the stored ones. Judged against the stored
// catalog only, two queued pushes let a region token declare an indicator
// and then change its unit under its figures (only an admin token may change
// an existing indicator), and the replay wrote both.
func (s *Store) Regions(ctx context.Context) ([]plancast.Region, error) {
	rs, err := s.Store.Regions(ctx)
	rs, err = readThrough(s, rs, err, func(c *catalog) *[]plancast.Region { return &c.Regions })
	if err != nil {
		return nil, err
	}
	queued, err := s.queuedDeclarations()
	if err != nil {
		return nil, err
	}
	return overlay(rs, queued.Regions, func(r plancast.Region) string { return r.Code }), nil
}

// Indicators is Regions for indicators.
func (s *Store) Indicators(ctx context.Context) ([]plancast.Indicator, error) {
	is, err := s.Store.Indicators(ctx)
	is, err = readThrough(s, is, err, func(c *catalog) *[]plancast.Indicator { return &c.Indicators })
	if err != nil {
		return nil, err
	}
	queued, err := s.queuedDeclarations()
	if err != nil {
		return nil, err
	}
	return overlay(is, queued.Indicators, func(i plancast.Indicator) string { return i.Code }), nil
}

// queuedDeclarations returns the catalog entries waiting in the queue, in
// the order they were accepted. Only catalog batches are decoded (an entry's
// JSON begins with its kind), so a long queue of figures costs a key scan.
func (s *Store) queuedDeclarations() (catalog, error) {
	var c catalog
	if !s.queued() {
		return c, nil
	}
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketQueue).ForEach(func(_, v []byte) error {
			if !bytes.HasPrefix(v, []byte(`{"kind":"regions"`)) && !bytes.HasPrefix(v, []byte(`{"kind":"indicators"`)) {
				return nil
			}
			var e entry
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			c.Regions = append(c.Regions, e.Regions...)
			c.Indicators = append(c.Indicators, e.Indicators...)
			return nil
		})
	})
	if err != nil {
		return c, plancast.Errorf(plancast.EUNAVAILABLE, "read the declarations queued in the spool %s: %v", s.path, err)
	}
	return c, nil
}

// overlay returns stored with each of queued (in order) replacing the entry
// of its code, or added after them.
func overlay[T any](stored, queued []T, code func(T) string) []T {
	if len(queued) == 0 {
		return stored
	}
	out := slices.Clone(stored)
	at := make(map[string]int, len(out))
	for i, x := range out {
		at[code(x)] = i
	}
	for _, x := range queued {
		if i, ok := at[code(x)]; ok {
			out[i] = x
			continue
		}
		at[code(x)] = len(out)
		out = append(out, x)
	}
	return out
}

// readThrough is the rule of Regions and Indicators, given the backend's
// answer (fresh, err) and the catalog copy's field for it: a fresh answer is
// remembered and returned; an unavailable backend is answered from the copy,
// unless the copy is empty; any other error is returned.
func readThrough[T any](s *Store, fresh []T, err error, field func(*catalog) *[]T) ([]T, error) {
	if err == nil {
		s.remember(func(c *catalog) { *field(c) = fresh })
		return fresh, nil
	}
	if plancast.ErrorCode(err) != plancast.EUNAVAILABLE {
		return nil, err
	}
	s.catMu.Lock()
	kept := slices.Clone(*field(&s.cat))
	s.catMu.Unlock()
	if len(kept) == 0 {
		return nil, err
	}
	return kept, nil
}

// remember updates the catalog copy, persisting it when it changed.
func (s *Store) remember(update func(*catalog)) {
	s.catMu.Lock()
	before, _ := json.Marshal(s.cat)
	update(&s.cat)
	after, _ := json.Marshal(s.cat)
	s.catMu.Unlock()
	if string(before) == string(after) {
		return
	}
	if err := s.db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyCatalog, after) }); err != nil {
		s.log.Warn("could not keep a copy of the catalog in the spool", "err", err)
	}
}

// TokenByHash reads through to the backend and keeps a copy of each token it
// finds (only hashes are stored, as in the backend); while the backend is
// unavailable it answers from the copies, so that writers can still push.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*plancast.Token, error) {
	tok, err := s.Store.TokenByHash(ctx, hash)
	if err == nil {
		s.keepToken(tok)
		return tok, nil
	}
	if plancast.ErrorCode(err) != plancast.EUNAVAILABLE {
		return nil, err
	}
	var copied *plancast.Token
	_ = s.db.View(func(tx *bbolt.Tx) error {
		if v := tx.Bucket(bucketToken).Get([]byte(hash)); v != nil {
			copied = new(plancast.Token)
			return json.Unmarshal(v, copied)
		}
		return nil
	})
	if copied == nil {
		return nil, err
	}
	return copied, nil
}

// PutToken writes the token to the backend (never queued: a token must be
// known to the backend before it is handed out) and then refreshes the copy:
// a token revoked through this server stays revoked while the backend is
// down, instead of coming back as the copy read before the revocation.
func (s *Store) PutToken(ctx context.Context, t plancast.Token) error {
	if err := s.Store.PutToken(ctx, t); err != nil {
		return err
	}
	s.keepToken(&t)
	return nil
}

// keepToken keeps the copy of a token the backend holds, for TokenByHash
// while the backend is down.
func (s *Store) keepToken(tok *plancast.Token) {
	data, err := json.Marshal(tok)
	if err != nil {
		return
	}
	_ = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketToken)
		if string(b.Get([]byte(tok.Hash))) == string(data) {
			return nil
		}
		return b.Put([]byte(tok.Hash), data)
	})
}

// knownCatalog returns the backend's catalog, or the last copy when the
// backend is down, plus what is queued to be declared.
func (s *Store) knownCatalog(ctx context.Context) (regions map[string]bool, indicators map[string]plancast.Indicator, err error) {
	rs, errR := s.Regions(ctx) // the copy when the backend is down
	is, errI := s.Indicators(ctx)
	if errR != nil || errI != nil {
		return nil, nil, plancast.Errorf(plancast.EUNAVAILABLE, "the store is unavailable and no copy of its catalog is known to validate the push against: %v", errors.Join(errR, errI))
	}
	// Catalog entries waiting in the queue are in them (Regions, Indicators):
	// a push may declare a region and use it in the same breath.
	regions, indicators = map[string]bool{}, map[string]plancast.Indicator{}
	for _, r := range rs {
		regions[r.Code] = true
	}
	for _, i := range is {
		indicators[i.Code] = i
	}
	return regions, indicators, nil
}

// queued reports whether any batch waits (a cursor's first key: constant
// time, unlike counting, so it is cheap on every write).
func (s *Store) queued() bool {
	found := false
	_ = s.db.View(func(tx *bbolt.Tx) error {
		k, _ := tx.Bucket(bucketQueue).Cursor().First()
		found = k != nil
		return nil
	})
	return found
}

func (s *Store) depth() int {
	n := 0
	_ = s.db.View(func(tx *bbolt.Tx) error {
		n = tx.Bucket(bucketQueue).Stats().KeyN
		return nil
	})
	return n
}

// Status reports the backend's reachability and the spool's depth.
func (s *Store) Status(ctx context.Context) plancast.StoreStatus {
	st := plancast.StoreStatus{Backend: "influxdb", Reachable: true}
	if r, ok := s.Store.(plancast.StatusReporter); ok {
		st = r.Status(ctx)
	} else if _, err := s.Store.DataVersion(ctx); err != nil {
		st.Reachable, st.Error = false, err.Error()
	}
	_ = s.db.View(func(tx *bbolt.Tx) error {
		q := tx.Bucket(bucketQueue)
		st.Queued = q.Stats().KeyN
		dead := tx.Bucket(bucketDead)
		st.Dead = dead.Stats().KeyN
		if _, v := dead.Cursor().Last(); v != nil {
			var e entry
			if json.Unmarshal(v, &e) == nil {
				st.Refused = e.Refusal
			}
		}
		if _, v := q.Cursor().First(); v != nil {
			var e entry
			if json.Unmarshal(v, &e) == nil {
				st.Oldest = e.Accepted.UTC().Format(time.RFC3339)
			}
		}
		return nil
	})
	return st
}

// enqueue appends a batch to the queue in one fsynced transaction.
func (s *Store) enqueue(e entry) error {
	e.Accepted = time.Now().UTC()
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		q := tx.Bucket(bucketQueue)
		seq, err := q.NextSequence()
		if err != nil {
			return err
		}
		return q.Put(seqKey(seq), data)
	})
	if err != nil {
		// Neither the backend nor the spool took it: refuse, so the client retries.
		return plancast.Errorf(plancast.EUNAVAILABLE, "the store is unavailable and the local spool %s cannot take the batch either: %v", s.path, err)
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
	return nil
}

func seqKey(seq uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], seq)
	return k[:]
}

// direct tries a write on the backend within WriteTimeout. It reports
// queue=true when the backend could not take it now.
func (s *Store) direct(ctx context.Context, write func(context.Context) error) (queue bool, err error) {
	if s.queued() {
		return true, nil // keep order: behind what is queued
	}
	wctx, cancel := context.WithTimeout(ctx, s.opt.WriteTimeout)
	defer cancel()
	err = write(wctx)
	if err == nil {
		return false, nil
	}
	if plancast.ErrorCode(err) == plancast.EUNAVAILABLE || errors.Is(err, context.DeadlineExceeded) {
		s.log.Warn("store unavailable; queueing the batch in the spool", "err", err)
		return true, nil
	}
	return false, err
}

// WriteObservations validates the batch, writes it to the backend, or queues it.
func (s *Store) WriteObservations(ctx context.Context, obs []plancast.Observation) (plancast.WriteResult, error) {
	batch, err := plancast.PrepareObservations(obs, plancast.Today())
	if err != nil {
		return plancast.WriteResult{}, err
	}
	units, err := s.inCatalog(ctx, "item", len(batch), func(i int) (string, string) { return batch[i].Region, batch[i].Indicator })
	if err != nil {
		return plancast.WriteResult{}, err
	}
	return s.writeOrQueue(ctx, entry{Kind: "observations", Observations: batch, Units: units}, len(batch),
		func(ctx context.Context) (plancast.WriteResult, error) { return s.Store.WriteObservations(ctx, batch) })
}

// WriteTargets validates the batch, writes it to the backend, or queues it.
func (s *Store) WriteTargets(ctx context.Context, ts []plancast.Target) (plancast.WriteResult, error) {
	batch, err := plancast.PrepareTargets(ts, plancast.Today())
	if err != nil {
		return plancast.WriteResult{}, err
	}
	units, err := s.inCatalog(ctx, "target", len(batch), func(i int) (string, string) { return batch[i].Region, batch[i].Indicator })
	if err != nil {
		return plancast.WriteResult{}, err
	}
	return s.writeOrQueue(ctx, entry{Kind: "targets", Targets: batch, Units: units}, len(batch),
		func(ctx context.Context) (plancast.WriteResult, error) { return s.Store.WriteTargets(ctx, batch) })
}

// inCatalog checks that each of n items (what names them in errors) has a
// region and an indicator the catalog knows, and returns the unit of each
// indicator of them, which their values are in (entry.Units).
func (s *Store) inCatalog(ctx context.Context, what string, n int, at func(int) (region, indicator string)) (map[string]string, error) {
	regions, indicators, err := s.knownCatalog(ctx)
	if err != nil {
		return nil, err
	}
	units := map[string]string{}
	for i := range n {
		r, ind := at(i)
		known, ok := indicators[ind]
		if !regions[r] || !ok {
			return nil, plancast.Errorf(plancast.EINVALID, "%s %d: %s/%s is not in the catalog; nothing written", what, i+1, r, ind)
		}
		units[ind] = known.Unit
	}
	return units, nil
}

// writeOrQueue writes a checked batch of n items with write, or queues e
// when the backend cannot take it now (see direct).
func (s *Store) writeOrQueue(ctx context.Context, e entry, n int, write func(context.Context) (plancast.WriteResult, error)) (plancast.WriteResult, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var res plancast.WriteResult
	queue, err := s.direct(ctx, func(ctx context.Context) error {
		var err error
		res, err = write(ctx)
		return err
	})
	if err != nil || !queue {
		return res, err
	}
	if err := s.enqueue(e); err != nil {
		return plancast.WriteResult{}, err
	}
	return plancast.WriteResult{Queued: n}, nil
}

// PutRegions writes catalog entries to the backend or queues them.
func (s *Store) PutRegions(ctx context.Context, rs []plancast.Region) error {
	for i := range rs {
		if err := rs[i].Validate(); err != nil {
			return err
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	queue, err := s.direct(ctx, func(ctx context.Context) error { return s.Store.PutRegions(ctx, rs) })
	if err != nil || !queue {
		return err
	}
	return s.enqueue(entry{Kind: "regions", Regions: rs})
}

// PutIndicators writes catalog entries to the backend or queues them.
func (s *Store) PutIndicators(ctx context.Context, is []plancast.Indicator) error {
	for i := range is {
		if err := is[i].Validate(); err != nil {
			return err
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	queue, err := s.direct(ctx, func(ctx context.Context) error { return s.Store.PutIndicators(ctx, is) })
	if err != nil || !queue {
		return err
	}
	return s.enqueue(entry{Kind: "indicators", Indicators: is})
}

// replay writes queued batches to the backend, oldest first, until stopped.
func (s *Store) replay(ctx context.Context) {
	defer close(s.done)
	wait := s.opt.RetryMin
	for {
		progressed, err := s.replayOne(ctx)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			s.log.Warn("spool replay: store still unavailable", "err", err, "retry_in", wait)
			wait = min(wait*2, s.opt.RetryMax)
		case progressed:
			wait = s.opt.RetryMin
			continue // next batch at once
		default:
			wait = s.opt.RetryMax // nothing queued: sleep until woken
		}
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		case <-time.After(wait):
		}
	}
}

// maxCoalesced bounds how many figures one replay write carries.
const maxCoalesced = 5000

// replayOne writes the oldest queued batch to the backend; consecutive
// observation batches are coalesced into one write (a backlog of thousands of
// small pushes drains in a few requests), stopping before a batch that
// disagrees with the group about a figure, so order is kept. It returns
// progressed=false with no error when the queue is empty.
func (s *Store) replayOne(ctx context.Context) (progressed bool, err error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var keys [][]byte
	var e entry
	err = s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketQueue).Cursor()
		k, v := c.First()
		if k == nil {
			return nil
		}
		keys = append(keys, append([]byte(nil), k...))
		if err := json.Unmarshal(v, &e); err != nil {
			return err
		}
		if e.Kind != "observations" {
			return nil
		}
		seen := make(map[plancast.FigureKey]int, len(e.Observations))
		for i := range e.Observations {
			seen[e.Observations[i].Key()] = i
		}
		for k, v = c.Next(); k != nil && len(e.Observations) < maxCoalesced; k, v = c.Next() {
			var next entry
			if err := json.Unmarshal(v, &next); err != nil || next.Kind != "observations" {
				break
			}
			if conflicts(e.Observations, seen, next.Observations) || !mergeUnits(&e, next.Units) {
				break
			}
			for _, o := range next.Observations {
				if _, dup := seen[o.Key()]; !dup {
					seen[o.Key()] = len(e.Observations)
					e.Observations = append(e.Observations, o)
				}
			}
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	if err != nil || len(keys) == 0 {
		return false, err
	}
	res, err := s.apply(ctx, e)
	if retryable(err) {
		return false, err // the backend is not back yet: keep the batches, retry later
	}
	if err != nil && len(keys) > 1 {
		// The group was refused: replay its oldest batch alone, so that only
		// a bad batch goes to the dead letters.
		return s.replaySingle(ctx, keys[0])
	}
	return true, s.settle(keys, e, res, err)
}

// replaySingle replays exactly one batch (after its group was refused).
func (s *Store) replaySingle(ctx context.Context, key []byte) (bool, error) {
	var e entry
	if err := s.db.View(func(tx *bbolt.Tx) error { return json.Unmarshal(tx.Bucket(bucketQueue).Get(key), &e) }); err != nil {
		return false, err
	}
	res, err := s.apply(ctx, e)
	if retryable(err) {
		return false, err
	}
	return true, s.settle([][]byte{key}, e, res, err)
}

// apply writes one (possibly coalesced) queued batch to the backend.
func (s *Store) apply(ctx context.Context, e entry) (res plancast.WriteResult, err error) {
	ctx, cancel := context.WithTimeout(ctx, 4*s.opt.WriteTimeout)
	defer cancel()
	if err := s.recheck(ctx, e); err != nil {
		return res, err
	}
	switch e.Kind {
	case "observations":
		return s.Store.WriteObservations(ctx, e.Observations)
	case "targets":
		return s.Store.WriteTargets(ctx, e.Targets)
	case "regions":
		stored, err := s.Store.Regions(ctx)
		if err != nil {
			return res, err
		}
		return declared(stored, e.Regions, func(r plancast.Region) string { return r.Code }), s.Store.PutRegions(ctx, e.Regions)
	case "indicators":
		stored, err := s.Store.Indicators(ctx)
		if err != nil {
			return res, err
		}
		return declared(stored, e.Indicators, func(i plancast.Indicator) string { return i.Code }), s.Store.PutIndicators(ctx, e.Indicators)
	}
	return res, plancast.Errorf(plancast.EINVALID, "unknown spooled batch kind %q", e.Kind)
}

// Catalogs is implemented by a backend that can read its catalog afresh,
// past any copy it keeps (InfluxDB keeps one for 2 s): the replay's
// re-check must see what another replica changed a moment ago.
type Catalogs interface {
	FreshCatalog(ctx context.Context) ([]plancast.Region, []plancast.Indicator, error)
}

// currentCatalog is the backend's catalog as it is now.
func (s *Store) currentCatalog(ctx context.Context) ([]plancast.Region, []plancast.Indicator, error) {
	if c, ok := s.Store.(Catalogs); ok {
		return c.FreshCatalog(ctx)
	}
	rs, err := s.Store.Regions(ctx)
	if err != nil {
		return nil, nil, err
	}
	is, err := s.Store.Indicators(ctx)
	return rs, is, err
}

// recheck judges a queued batch of figures or targets again, against the
// backend's catalog as it is when the batch is replayed, by the rules the
// push was judged by when it was accepted: every item's region and
// indicator are in the catalog (inCatalog), and each indicator is still in
// the unit its values were converted to (entry.Units). Another replica
// sharing the bucket may have changed the catalog during the outage (an
// indicator's unit, a region removed); the backend itself checks neither,
// so the batch was written as it was: figures of a removed region, values
// in 亿元 under an indicator now counted in 万元.
//
// A batch that no longer passes is refused (EINVALID) whole: the replay
// sets it aside in the dead-letter bucket, nothing of it written, with the
// reason, which the log, Status (Dead, Refused) and /healthz give.
func (s *Store) recheck(ctx context.Context, e entry) error {
	var n int
	var at func(int) (region, indicator, item string)
	switch e.Kind {
	case "observations":
		n, at = len(e.Observations), func(i int) (string, string, string) {
			o := &e.Observations[i]
			return o.Region, o.Indicator, fmt.Sprintf("figure %s/%s %d", o.Region, o.Indicator, o.Year)
		}
	case "targets":
		n, at = len(e.Targets), func(i int) (string, string, string) {
			t := &e.Targets[i]
			return t.Region, t.Indicator, fmt.Sprintf("target %s/%s %s %s %d", t.Region, t.Indicator, t.Plan, t.Kind, t.Year)
		}
	case "indicators":
		return s.recheckIndicators(ctx, e)
	default:
		return nil
	}
	rs, is, err := s.currentCatalog(ctx)
	if err != nil {
		return err
	}
	regions := make(map[string]bool, len(rs))
	for _, r := range rs {
		regions[r.Code] = true
	}
	indicators := make(map[string]plancast.Indicator, len(is))
	for _, i := range is {
		indicators[i.Code] = i
	}
	what := fmt.Sprintf("a queued batch of %s accepted %s (%s)", plural(n, e.Kind), e.Accepted.UTC().Format(time.RFC3339), extent(n, at))
	setAside := "it is set aside whole in the spool's dead-letter bucket, nothing of it written: push it again from its source once the catalog is as it should be"
	for i := range n {
		r, ind, item := at(i)
		if !regions[r] {
			return plancast.Errorf(plancast.EINVALID, "%s no longer passes the catalog: %s: region %q is not in the catalog now (removed since the batch was accepted); %s", what, item, r, setAside)
		}
		now, ok := indicators[ind]
		if !ok {
			return plancast.Errorf(plancast.EINVALID, "%s no longer passes the catalog: %s: indicator %q is not in the catalog now (removed since the batch was accepted); %s", what, item, ind, setAside)
		}
		if was, ok := e.Units[ind]; ok && was != now.Unit {
			return plancast.Errorf(plancast.EINVALID, "%s no longer passes the catalog: %s: indicator %q is in %s now, and the batch's values were converted to %s, its unit when the batch was accepted%s; %s", what, item, ind, now.Unit, was, s.declarationSetAside(ind, was), setAside)
		}
	}
	return nil
}

// recheckIndicators judges a queued declaration of indicators again, against
// the backend's catalog as it is when it is replayed, by the rule the push
// was judged by (ingest: "a push cannot change its unit"): when it was
// accepted, each of its indicators was new or in the unit it declares; but
// another replica sharing the bucket may have declared one in another unit
// since, and stored figures under it. Written, the declaration rewrote the
// unit under those figures (480,000 t read as 480,000 万吨), and the
// batches of figures queued after it then passed their own re-check, the
// unit now "matching".
//
// A declaration that would change a stored indicator's unit is refused
// (EINVALID) whole: the replay sets it aside in the dead-letter bucket,
// nothing of it written. The batches of figures or targets queued after it
// in its unit then fail their re-check (the unit they were converted to is
// not the stored one) and are set aside too.
func (s *Store) recheckIndicators(ctx context.Context, e entry) error {
	_, is, err := s.currentCatalog(ctx)
	if err != nil {
		return err
	}
	stored := make(map[string]plancast.Indicator, len(is))
	for _, i := range is {
		stored[i.Code] = i
	}
	codes := make([]string, len(e.Indicators))
	for i, ind := range e.Indicators {
		codes[i] = ind.Code
	}
	for _, ind := range e.Indicators {
		now, ok := stored[ind.Code]
		if !ok || now.Unit == ind.Unit {
			continue
		}
		return plancast.Errorf(plancast.EINVALID, "a queued declaration of %s accepted %s (%s) no longer passes the catalog: indicator %q is stored in %s now (declared so since the declaration was accepted, by another server sharing the store), and the declaration says %s: a push cannot change an indicator's unit; it is set aside whole in the spool's dead-letter bucket, nothing of it written, and so is each batch of figures or targets queued after it in %s: push them again from their source in %s, or fix the catalog first",
			plural(len(codes), e.Kind), e.Accepted.UTC().Format(time.RFC3339), strings.Join(codes, ", "), ind.Code, now.Unit, ind.Unit, ind.Unit, now.Unit)
	}
	return nil
}

// declarationSetAside says, of a batch refused for the unit of indicator
// code, that a declaration of it in unit, which the batch depended on, is in
// the dead letters; "" when none is.
func (s *Store) declarationSetAside(code, unit string) string {
	found := false
	_ = s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketDead).ForEach(func(_, v []byte) error {
			if found || !bytes.HasPrefix(v, []byte(`{"kind":"indicators"`)) {
				return nil
			}
			var d entry
			if json.Unmarshal(v, &d) == nil {
				found = slices.ContainsFunc(d.Indicators, func(i plancast.Indicator) bool { return i.Code == code && i.Unit == unit })
			}
			return nil
		})
	})
	if !found {
		return ""
	}
	return fmt.Sprintf(" (a queued declaration of %s in %s, which the batch followed, was set aside as a dead letter)", code, unit)
}

// plural is "1 figure", "3 targets" of a batch kind.
func plural(n int, kind string) string {
	noun := map[string]string{"observations": "figure", "targets": "target", "indicators": "indicator"}[kind]
	if n != 1 {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// extent names the series a batch holds: "houma/gdp", or the first and a
// count of the others, so that a bureau knows what to push again.
func extent(n int, at func(int) (region, indicator, item string)) string {
	var series []string
	seen := map[string]bool{}
	for i := range n {
		r, ind, _ := at(i)
		if k := r + "/" + ind; !seen[k] {
			seen[k] = true
			series = append(series, k)
		}
	}
	switch len(series) {
	case 0:
		return "empty"
	case 1:
		return series[0]
	}
	return fmt.Sprintf("%s and %d other series", series[0], len(series)-1)
}

// declared counts queued catalog entries against the stored ones, for the
// replay's log line: New the codes not stored, Revised those stored
// otherwise, Unchanged the same (it said "new=0 revised=0" of each).
func declared[T comparable](stored, queued []T, code func(T) string) plancast.WriteResult {
	have := make(map[string]T, len(stored))
	for _, x := range stored {
		have[code(x)] = x
	}
	var res plancast.WriteResult
	for _, x := range queued {
		switch old, ok := have[code(x)]; {
		case !ok:
			res.New++
		case old != x:
			res.Revised++
		default:
			res.Unchanged++
		}
		have[code(x)] = x
	}
	return res
}

// retryable reports whether a replay failed because the backend cannot take
// writes now (rather than refusing the batch): keep it and try again later.
// An unexpected (internal) failure is retried too: dropping data is worse.
func retryable(err error) bool {
	if err == nil {
		return false
	}
	code := plancast.ErrorCode(err)
	return code == plancast.EUNAVAILABLE || code == plancast.EINTERNAL || errors.Is(err, context.DeadlineExceeded)
}

// settle removes replayed batches from the queue; a refused one is kept in
// the dead-letter bucket with the reason, for the operator.
func (s *Store) settle(keys [][]byte, e entry, res plancast.WriteResult, refused error) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		if refused != nil {
			e.Refusal = plancast.ErrorMessage(refused) + s.dropAdvice(binary.BigEndian.Uint64(keys[0]))
			data, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketDead).Put(keys[0], data); err != nil {
				return err
			}
		}
		for _, k := range keys {
			if err := tx.Bucket(bucketQueue).Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("remove replayed batches from the spool: %w", err)
	}
	if refused != nil {
		s.log.Error("spool replay: a queued batch was refused and set aside whole in the spool's dead-letter bucket, nothing of it written (GET /healthz: store.dead, store.refused)", "kind", e.Kind, "accepted", e.Accepted, "spool", s.path, "err", refused)
	} else {
		s.log.Info("spool replay: written", "kind", e.Kind, "batches", len(keys), "accepted_from", e.Accepted, "new", res.New, "revised", res.Revised, "withdrawn", res.Withdrawn, "unchanged", res.Unchanged)
	}
	return nil
}

// mergeUnits adds a batch's units to the group e's, unless they say
// another unit of an indicator of the group (false: the batch is left out).
func mergeUnits(e *entry, units map[string]string) bool {
	for ind, u := range units {
		if have, ok := e.Units[ind]; ok && have != u {
			return false
		}
	}
	if len(units) > 0 && e.Units == nil {
		e.Units = map[string]string{}
	}
	maps.Copy(e.Units, units)
	return true
}

// conflicts reports whether next has a figure the group has with another value or status.
func conflicts(group []plancast.Observation, seen map[plancast.FigureKey]int, next []plancast.Observation) bool {
	for i := range next {
		if j, ok := seen[next[i].Key()]; ok && !plancast.SameFigure(&group[j], &next[i]) {
			return true
		}
	}
	return false
}

// SeriesValuesOf reads through to the backend's read of exactly the given
// series (plancast.ReadSeriesValuesOf: its SeriesValuesOf, or SeriesSet).
func (s *Store) SeriesValuesOf(ctx context.Context, keys []plancast.SeriesKey) ([]plancast.Series, error) {
	return plancast.ReadSeriesValuesOf(ctx, s.Store, keys)
}

// SeriesValuesBetween reads through to the backend's read of the given
// series in the years from to to (plancast.ReadSeriesValuesBetween).
func (s *Store) SeriesValuesBetween(ctx context.Context, keys []plancast.SeriesKey, from, to int) ([]plancast.Series, error) {
	return plancast.ReadSeriesValuesBetween(ctx, s.Store, keys, from, to)
}

// FiguresBetween reads through to the backend's read of the latest figures,
// with their status, of the given series in the years from to to
// (plancast.ReadFiguresBetween).
func (s *Store) FiguresBetween(ctx context.Context, keys []plancast.SeriesKey, from, to int) ([]plancast.Series, error) {
	return plancast.ReadFiguresBetween(ctx, s.Store, keys, from, to)
}

// VintagesOf reads through to the backend's bulk vintage read, or reads the
// series one by one when it has none.
func (s *Store) VintagesOf(ctx context.Context, keys []plancast.SeriesKey) (map[plancast.SeriesKey][]plancast.Observation, error) {
	return plancast.ReadVintagesOf(ctx, s.Store, keys)
}

// WalkVintages reads through to the backend's walk (plancast.WalkVintages).
// Figures still queued are not in it: they are not in the backend yet.
func (s *Store) WalkVintages(ctx context.Context, fn func(vintages []plancast.Observation) error) error {
	return plancast.WalkVintages(ctx, s.Store, fn)
}

// DeadLetter is a batch the replay set aside (settle), as DeadLetters lists it.
type DeadLetter struct {
	No       uint64    // its number, for DropDeadLetter
	Kind     string    // observations, targets, regions, indicators
	Accepted time.Time // when the push was accepted (answered 202)
	Items    int       // figures, targets or declarations in it
	Refusal  string    // why it was set aside
}

// DeadLetters lists the dead letters of the spool file at path, read-only,
// with no backend: the operator reads them with the server stopped.
func DeadLetters(path string) ([]DeadLetter, error) {
	var out []DeadLetter
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	db, err := openStopped(path, true)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	err = db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketDead)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var e entry
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			out = append(out, DeadLetter{No: binary.BigEndian.Uint64(k), Kind: e.Kind, Accepted: e.Accepted.UTC(),
				Items: len(e.Observations) + len(e.Targets) + len(e.Regions) + len(e.Indicators), Refusal: e.Refusal})
			return nil
		})
	})
	if err != nil {
		return nil, plancast.Errorf(plancast.EUNAVAILABLE, "read spool %s: %v", path, err)
	}
	return out, nil
}

// DropDeadLetter removes dead letter no from the spool file at path, once
// the operator has pushed its data again (or decided not to): while any
// remains, Status counts it and /healthz says "degraded".
func DropDeadLetter(path string, no uint64) error {
	db, err := openStopped(path, false)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketDead)
		if b == nil || b.Get(seqKey(no)) == nil {
			return plancast.Errorf(plancast.ENOTFOUND, "the spool %s holds no dead letter %d", path, no)
		}
		return b.Delete(seqKey(no))
	})
}

// openStopped opens the spool file at path for a command run with the server
// stopped; a server holding it is said as such.
func openStopped(path string, readOnly bool) (*bbolt.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, plancast.Errorf(plancast.ENOTFOUND, "no spool at %s: %v", path, err)
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: 300 * time.Millisecond, ReadOnly: readOnly})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, plancast.Errorf(plancast.EUNAVAILABLE, "the spool %s is held by a running plancast serve: stop it first", path)
		}
		return nil, plancast.Errorf(plancast.EUNAVAILABLE, "open spool %s: %v", path, err)
	}
	return db, nil
}

// dropAdvice is what a refusal says of clearing its dead letter no.
func (s *Store) dropAdvice(no uint64) string {
	return fmt.Sprintf(" (dead letter %d; once its data are pushed again, stop plancast serve and drop it: plancast spool --data-dir %s drop %d, or list them all: plancast spool --data-dir %s list; /healthz is \"degraded\" while any remains)",
		no, filepath.Dir(s.path), no, filepath.Dir(s.path))
}

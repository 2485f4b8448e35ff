// Package bolt is plancast's embedded store: one bbolt file, fsynced on every
// commit, so that a write that returned without error survives a crash.
//
// Layout (bucket: key → value):
//
//	meta:       "version" → uint64 data version; "seeded" → RFC 3339 time
//	regions:    code → JSON Region
//	indicators: code → JSON Indicator
//	obs:        region 0 indicator 0 period 0 year(2 bytes) recorded(8 bytes) → JSON Observation
//	targets:    region 0 indicator 0 plan 0 kind 0 year(2 bytes) → JSON Target in force now
//	target_versions: the targets keys, recorded(8 bytes) → JSON Target (every version; targets.go)
//	tokens:     sha256(token) → JSON Token
//	vals:       the obs keys → value, published date, withdrawal, stated growth (values.go)
//
// Keys sort by series, then year, then the time a vintage was recorded, so a
// series is one prefix scan and its vintages come oldest first.
package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/plancast/plancast"
)

var (
	bucketMeta       = []byte("meta")
	bucketRegions    = []byte("regions")
	bucketIndicators = []byte("indicators")
	bucketObs        = []byte("obs")
	bucketTargets    = []byte("targets")
	bucketTokens     = []byte("tokens")

	keyVersion = []byte("version")
	keySeeded  = []byte("seeded")
)

// FileName is the store's file inside the data directory.
const FileName = "plancast.db"

// lockWait is how long Open waits for another process's lock on the file
// before it gives up: short, because the usual holder is a running server.
const lockWait = 300 * time.Millisecond

// initialMmap is the address space mapped for the file up front. A write that
// outgrows the mapping must remap, and waits for every open read to finish;
// with the file inside it, a backup (a read as long as the copy takes) does
// not hold up pushes. Address space only: memory is used as pages are read.
//
// Past 1 GiB bbolt maps the file in whole GiB, so only the one write that
// takes the file past the next whole GiB waits for a backup in progress
// (TestAWriteWaitsForASnapshotOnlyAtAGiBBoundary, build tag large). At the
// nationwide scale's 750 bytes a figure that is one push in 1.4 million
// figures, about twelve years of every county's yearly push.
const initialMmap = 1 << 30

// options are the bbolt options of every open of a store file.
func options() *bbolt.Options {
	return &bbolt.Options{Timeout: lockWait, InitialMmapSize: initialMmap}
}

// Store is the embedded store. It is safe for concurrent use.
type Store struct {
	db   *bbolt.DB
	path string

	// opened is the file as it was when Open opened it, so that Status
	// can tell it from a file put at path since, or from none.
	opened os.FileInfo

	// file is the file bbolt opened (and maps), opened again for guard
	// to read its size and meta pages; pageSize is bbolt's page size.
	file     *os.File
	pageSize int64
	// broken is the damage guard found in the file, kept: a store
	// known damaged fails each later transaction at once with its cause.
	broken atomic.Pointer[error]

	clock plancast.VintageClock // Recorded times of the vintages written
}

// ErrHeld is in the chain of Open's error when another process holds the
// file, so that a command can say what to do instead (each has its own
// answer: push through the server, ask it, stop it).
var ErrHeld = errors.New("the embedded store is held by another process")

// heldError is the EUNAVAILABLE error of a held file; errors.Is finds ErrHeld
// in it and ErrorCode its code.
type heldError struct{ err *plancast.Error }

func (e heldError) Error() string        { return e.err.Message }
func (e heldError) Unwrap() error        { return e.err }
func (e heldError) Is(target error) bool { return target == ErrHeld }

// Open opens (creating if needed) the store file at path. It fails at once
// with EUNAVAILABLE and ErrHeld when another process holds the file.
func Open(path string) (*Store, error) { return OpenWith(path, OpenOptions{}) }

// OpenOptions are what OpenWith may tell its caller.
type OpenOptions struct {
	// Rebuilding, when set, is called before Open builds the compact
	// values of a store's vintages from their JSON (openVals: the first
	// open by a build that keeps statuses there, or the first after an
	// older build wrote), with the number of vintages. It takes about 15 s
	// a million vintages and holds the store meanwhile (52 s for 3.4
	// million, BENCHMARKS.md), so a server says why it is not up yet.
	Rebuilding func(vintages int)
	// ReadOnly opens the file for reading alone (bbolt's Options.ReadOnly:
	// the file opened O_RDONLY, under a shared lock), for the commands that
	// only read: a store on read-only media or in a directory they may not
	// write opens, and several of them may read at once. A process holding
	// the file to write (a running server) still keeps them out (ErrHeld).
	// Open then writes nothing, neither the data directory nor the file:
	// a store that needs the buckets a writable Open would add or rebuild
	// (upgrading a store an older plancast wrote) is refused with
	// ErrNeedsUpgrade, and the Store's writes fail.
	ReadOnly bool
}

// ErrNeedsUpgrade is in the chain of a read-only Open's error when the
// store must first be upgraded by a writable Open (OpenOptions.ReadOnly).
var ErrNeedsUpgrade = errors.New("the embedded store needs an upgrade")

// needsUpgradeError is the EUNAVAILABLE error of a store a read-only Open
// cannot use as it is; errors.Is finds ErrNeedsUpgrade in it.
type needsUpgradeError struct{ err *plancast.Error }

func (e needsUpgradeError) Error() string        { return e.err.Message }
func (e needsUpgradeError) Unwrap() error        { return e.err }
func (e needsUpgradeError) Is(target error) bool { return target == ErrNeedsUpgrade }

// baseBuckets are the buckets every store has, created by its first Open.
var baseBuckets = [][]byte{bucketMeta, bucketRegions, bucketIndicators, bucketObs, bucketTargets, bucketTokens}

// upgrades says what a writable Open changes in the store tx reads before
// it can be used (none: nothing), each as a phrase; the writable Open does
// exactly these, and the read-only one refuses a store that needs any.
func upgrades(tx *bbolt.Tx) []string {
	var todo []string
	for _, b := range baseBuckets {
		if tx.Bucket(b) == nil {
			todo = append(todo, fmt.Sprintf("create its %q bucket", b))
		}
	}
	if tx.Bucket(bucketTargetVersions) == nil {
		todo = append(todo, "keep every version of its targets")
	}
	if !valsCurrent(tx) {
		todo = append(todo, "build the compact values of its vintages")
	}
	return todo
}

// OpenWith is Open, telling opt's callbacks what it does.
func OpenWith(path string, opt OpenOptions) (*Store, error) {
	if opt.ReadOnly {
		return openReadOnly(path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, plancast.Errorf(plancast.EUNAVAILABLE, "create data directory %s: %v", filepath.Dir(path), err)
	}
	if err := damaged(path); err != nil {
		return nil, err
	}
	db, err := bbolt.Open(path, 0o600, options())
	if err != nil {
		return nil, openError(path, err)
	}
	s := newStore(db, path)
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range baseBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if tx.Bucket(bucketTargetVersions) == nil {
			if _, err := tx.CreateBucket(bucketTargetVersions); err != nil {
				return err
			}
			if err := buildTargetVersions(tx); err != nil { // a store from before target versions
				return err
			}
		}
		return openVals(tx, opt.Rebuilding)
	})
	if err != nil {
		s.Close()
		return nil, plancast.Errorf(plancast.EUNAVAILABLE, "initialise embedded store %s: %v", path, err)
	}
	return s, nil
}

// openReadOnly opens the store file at path for reading alone
// (OpenOptions.ReadOnly). The file must exist: a read-only open creates
// nothing.
func openReadOnly(path string) (*Store, error) {
	s, err := OpenAsIs(path)
	if err != nil {
		return nil, err
	}
	var todo []string
	_ = s.view(func(tx *bbolt.Tx) error {
		todo = upgrades(tx)
		return nil
	})
	if len(todo) > 0 {
		s.db.Close()
		return nil, needsUpgradeError{plancast.Errorf(plancast.EUNAVAILABLE,
			"the embedded store %s was written by an older plancast and must be upgraded (%s) before it can be read; a command that only reads leaves the file as it is: open it once writable to upgrade it (plancast serve --data-dir %s upgrades it as it starts), after keeping a copy of it as it is if you want one (plancast backup --data-dir %s --out FILE copies it without upgrading it)",
			path, strings.Join(todo, ", "), filepath.Dir(path), filepath.Dir(path))}
	}
	return s, nil
}

// damaged is the EUNAVAILABLE error of a store file cut short (fileShort),
// which bbolt would map and crash reading (SIGBUS), or of 0 bytes, which
// bbolt would take for a new store and initialise; nil for any other file.
func damaged(path string) error {
	err := fileShort(path)
	if errors.As(err, new(emptyError)) {
		return plancast.Errorf(plancast.EUNAVAILABLE, "the embedded store %s is empty (0 bytes): it is damaged (cut short before its first page); restore a backup (plancast restore --from FILE)", path)
	}
	if err != nil {
		return plancast.Errorf(plancast.EUNAVAILABLE, "the embedded store %s is damaged (%v): restore a backup (plancast restore --from FILE)", path, err)
	}
	return nil
}

// OpenAsIs opens the store file at path read-only as openReadOnly does, but
// also when it needs an upgrade (ErrNeedsUpgrade): for a copy of the file as
// it is (Snapshot), such as a backup before the upgrade. The store's reads
// other than Snapshot and DataVersion may not be used on it.
func OpenAsIs(path string) (*Store, error) {
	opts := options()
	opts.ReadOnly = true
	if err := damaged(path); err != nil {
		return nil, err
	}
	db, err := bbolt.Open(path, 0o400, opts)
	if err != nil {
		return nil, openError(path, err)
	}
	return newStore(db, path), nil
}

// newStore is the Store of db, opened from path: the file bbolt holds is
// opened again for guard, and is the one Status tells a file put at path
// since from.
func newStore(db *bbolt.DB, path string) *Store {
	s := &Store{db: db, path: path, pageSize: int64(db.Info().PageSize)}
	if f, err := os.Open(path); err == nil {
		s.file = f
		if info, err := f.Stat(); err == nil {
			s.opened = info
		}
	}
	return s
}

// openError is the error of bbolt.Open failing on the store file at path:
// ErrHeld when another process holds it.
func openError(path string, err error) error {
	if errors.Is(err, bolterrors.ErrTimeout) {
		return heldError{plancast.Errorf(plancast.EUNAVAILABLE,
			"the embedded store %s is held by another process", path)}
	}
	return plancast.Errorf(plancast.EUNAVAILABLE, "open embedded store %s: %v", path, err)
}

// Path returns the file the store lives in.
func (s *Store) Path() string { return s.path }

// Close releases the file. It gives up after closeWait when bbolt still
// holds its locks (a transaction that never ended), so that a server
// stopping ends.
func (s *Store) Close() error {
	done := make(chan error, 1)
	go func() { done <- s.db.Close() }()
	select {
	case err := <-done:
		if s.file != nil {
			s.file.Close()
		}
		return err
	case <-time.After(closeWait):
		return fmt.Errorf("%w: %s still held after %s", errCloseTimeout, s.path, closeWait)
	}
}

// update runs fn in a write transaction and maps storage failures (disk full,
// read-only file) to EUNAVAILABLE; plancast errors from fn pass through.
// guard refuses it first when the file is damaged, removed or replaced.
func (s *Store) update(what string, fn func(tx *bbolt.Tx) error) (err error) {
	if err := s.guard(true); err != nil {
		return err
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.recoverDamage(&err)
	err = s.db.Update(fn)
	if err == nil || plancast.ErrorCode(err) != plancast.EINTERNAL {
		return err
	}
	return plancast.Errorf(plancast.EUNAVAILABLE, "%s in %s: %v", what, s.path, err)
}

// DataVersion returns a counter that every committed change increments.
func (s *Store) DataVersion(ctx context.Context) (string, error) {
	var v uint64
	err := s.view(func(tx *bbolt.Tx) error {
		v = readVersion(tx)
		return nil
	})
	return strconv.FormatUint(v, 10), err
}

func readVersion(tx *bbolt.Tx) uint64 {
	meta := tx.Bucket(bucketMeta)
	if meta == nil { // a store a first open has not finished (OpenAsIs)
		return 0
	}
	b := meta.Get(keyVersion)
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// bumpIfChanged moves the data version when a write added or revised
// something; a write of unchanged figures or targets leaves it (and every
// cached answer) as it is.
func bumpIfChanged(tx *bbolt.Tx, res plancast.WriteResult) error {
	if res.Changed() == 0 {
		return nil
	}
	return bumpVersion(tx)
}

func bumpVersion(tx *bbolt.Tx) error {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], readVersion(tx)+1)
	return tx.Bucket(bucketMeta).Put(keyVersion, b[:])
}

// Seeded reports when the first start settled the seed dataset (MarkSeeded), zero if never.
func (s *Store) Seeded() (time.Time, error) {
	var t time.Time
	err := s.view(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketMeta).Get(keySeeded)
		if v == nil {
			return nil
		}
		var err error
		t, err = time.Parse(time.RFC3339, string(v))
		return err
	})
	return t, err
}

// MarkSeeded records that the first start's question of the seed dataset is
// settled: it was loaded, or the store had data of its own and did not get it.
func (s *Store) MarkSeeded(t time.Time) error {
	return s.update("mark seeded", func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySeeded, []byte(t.UTC().Format(time.RFC3339)))
	})
}

// joinKey builds a composite key: parts separated by 0 bytes, then the suffix.
func joinKey(suffix []byte, parts ...string) []byte {
	var buf bytes.Buffer
	for _, p := range parts {
		buf.WriteString(p)
		buf.WriteByte(0)
	}
	buf.Write(suffix)
	return buf.Bytes()
}

// yearBytes encodes a year so that keys sort by year.
func yearBytes(year int) []byte {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], uint16(year))
	return b[:]
}

func putJSON(b *bbolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %T: %w", v, err)
	}
	return b.Put(key, data)
}

func getJSON(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decode stored %T: %w", v, err)
	}
	return nil
}

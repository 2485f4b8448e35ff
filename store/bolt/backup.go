package bolt

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
)

// Snapshot opens a read transaction over the whole file: bbolt's copy-on-write
// pages keep what it sees unchanged while writers commit, so a server can be
// backed up while it takes pushes. The copy is the store file itself, as it
// was when the snapshot was taken.
func (s *Store) Snapshot(ctx context.Context) (plancast.Snapshot, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := s.guard(false); err != nil {
		return nil, err
	}
	tx, err := s.begin()
	if err != nil {
		return nil, plancast.Errorf(plancast.EUNAVAILABLE, "begin a snapshot of %s: %v", s.path, err)
	}
	return &snapshot{tx: tx, ctx: ctx}, nil
}

// begin is db.Begin(false), a panic (a page that does not read) its error.
func (s *Store) begin() (tx *bbolt.Tx, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.recoverDamage(&err)
	return s.db.Begin(false)
}

type snapshot struct {
	tx  *bbolt.Tx
	ctx context.Context
}

func (sn *snapshot) Size() int64     { return sn.tx.Size() }
func (sn *snapshot) Version() string { return strconv.FormatUint(readVersion(sn.tx), 10) }
func (sn *snapshot) Close() error    { return sn.tx.Rollback() }

// WriteTo writes the file's pages as of the snapshot, stopping when the
// snapshot's context ends (a client that went away).
func (sn *snapshot) WriteTo(w io.Writer) (int64, error) {
	n, err := sn.tx.WriteTo(ctxWriter{sn.ctx, w})
	if err != nil && sn.ctx.Err() != nil {
		// bbolt flattens the writer's error into its message; keep the cause
		// in the chain.
		return n, fmt.Errorf("copy the store: %w", sn.ctx.Err())
	}
	return n, err
}

type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// Contents is what a store file holds, counted by CheckFile.
type Contents struct {
	Version    string // the data version
	Regions    int
	Indicators int
	Figures    int // region, indicator, period and year with at least one vintage
	Vintages   int // every published version of every figure
	Targets    int // targets in force
}

func (c Contents) String() string {
	return fmt.Sprintf("data version %s: %d regions, %d indicators, %d figures (%d vintages), %d targets",
		c.Version, c.Regions, c.Indicators, c.Figures, c.Vintages, c.Targets)
}

// CheckFile opens a store file read-only, without taking it over (it must not
// be held by a process that writes it), runs bbolt's consistency check over
// every page, reads every record it counts (checkRecords) and counts what
// the file holds: the check of a backup before it is trusted, and of a file
// before it is put in place.
func CheckFile(path string) (c Contents, err error) {
	defer func() {
		// bbolt trusts the pages it reads; a damaged file can make it panic
		// where it should have said so.
		if p := recover(); p != nil {
			err = fmt.Errorf("check %s: the file is damaged: %v", path, p)
		}
	}()
	// A page that bbolt maps past the end of a cut file is a SIGBUS: told
	// from the size first (fileShort), and a fault left is a panic here.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	if err := fileShort(path); err != nil {
		return c, fmt.Errorf("%s is %w: not a whole copy", path, err)
	}
	db, err := bbolt.Open(path, 0o400, &bbolt.Options{ReadOnly: true, Timeout: lockWait})
	if err != nil {
		if isArchive(path) {
			return c, &ArchiveGivenError{Path: path}
		}
		return c, fmt.Errorf("check %s: open it read-only: %w", path, err)
	}
	defer db.Close()
	err = db.View(func(tx *bbolt.Tx) error {
		var problems []error
		for err := range tx.Check() {
			problems = append(problems, err)
			if len(problems) == 5 {
				break
			}
		}
		if len(problems) > 0 {
			return fmt.Errorf("the file is damaged: %w", errors.Join(problems...))
		}
		for _, name := range [][]byte{bucketMeta, bucketRegions, bucketIndicators, bucketObs, bucketTargets} {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("not a plancast store: no %q bucket", name)
			}
		}
		if err := checkRecords(tx); err != nil {
			return fmt.Errorf("the file is damaged: %w", err)
		}
		c.Version = strconv.FormatUint(readVersion(tx), 10)
		c.Regions = tx.Bucket(bucketRegions).Stats().KeyN
		c.Indicators = tx.Bucket(bucketIndicators).Stats().KeyN
		c.Targets = tx.Bucket(bucketTargets).Stats().KeyN
		// An obs key is the figure's key followed by the 8 bytes of the
		// time its vintage was recorded; vintages of a figure are adjacent.
		var last []byte
		return tx.Bucket(bucketObs).ForEach(func(k, _ []byte) error {
			c.Vintages++
			if len(k) < 8 {
				return fmt.Errorf("observation key %q is too short", k)
			}
			if figure := k[:len(k)-8]; !bytes.Equal(figure, last) {
				c.Figures++
				last = append(last[:0], figure...)
			}
			return nil
		})
	})
	if err != nil {
		return c, fmt.Errorf("check %s: %w", path, err)
	}
	return c, nil
}

// checkRecords reads every record of the store tx sees as the store's reads
// do, and says which bucket and key holds one that does not read back:
// bbolt's page check looks at the pages, not at what they hold, so a byte
// changed inside a record (bit rot on backup media) passed it, and the
// store then answered every read of that record with an error. A record
// must decode, with no field its type does not have, and say what its key says (a changed byte in a field's name
// decodes, without the field); a vintage must match its compact value in
// vals2, which is written from the same figure.
func checkRecords(tx *bbolt.Tx) error {
	if v := tx.Bucket(bucketMeta).Get(keyVersion); v != nil && len(v) != 8 {
		return recordError(bucketMeta, keyVersion, fmt.Sprintf("the data version is %d bytes, not 8", len(v)))
	}
	var vals *bbolt.Bucket
	if valsCurrent(tx) {
		vals = tx.Bucket(bucketVals)
	}
	targetOf := func(key []byte, t *plancast.Target, k []byte) string {
		if bytes.Equal(key, k) {
			return ""
		}
		return fmt.Sprintf("the record is of %s %s plan %s %s %d, not of its key",
			strconv.Quote(t.Region), strconv.Quote(t.Indicator), strconv.Quote(t.Plan), strconv.Quote(t.Kind), t.Year)
	}
	// In order, stopping at the first record that does not read back.
	if err := checkBucket(tx, bucketRegions, func(k []byte, r *plancast.Region) string {
		return unless(r.Code == string(k), "the record names region %q", r.Code)
	}); err != nil {
		return err
	}
	if err := checkBucket(tx, bucketIndicators, func(k []byte, ind *plancast.Indicator) string {
		return unless(ind.Code == string(k), "the record names indicator %q", ind.Code)
	}); err != nil {
		return err
	}
	if err := checkBucket(tx, bucketObs, func(k []byte, o *plancast.Observation) string {
		if !bytes.Equal(obsKey(o), k) {
			return fmt.Sprintf("the record is of %s %s %s %d recorded %s, not of its key",
				strconv.Quote(o.Region), strconv.Quote(o.Indicator), strconv.Quote(o.Period), o.Year, o.Recorded.Format(time.RFC3339Nano))
		}
		return unless(vals == nil || bytes.Equal(vals.Get(k), encodeVal(o)),
			"the figure (value %v, published %s, status %s) differs from its compact value in bucket %q", o.Value, o.Published, o.Status, bucketVals)
	}); err != nil {
		return err
	}
	if err := checkBucket(tx, bucketTargets, func(k []byte, t *plancast.Target) string { return targetOf(targetKey(t), t, k) }); err != nil {
		return err
	}
	if err := checkBucket(tx, bucketTargetVersions, func(k []byte, t *plancast.Target) string { return targetOf(targetVersionKey(t), t, k) }); err != nil {
		return err
	}
	return checkBucket(tx, bucketTokens, func(k []byte, t *plancast.Token) string {
		return unless(t.Hash == string(k), "the record names token %q", t.Hash)
	})
}

// checkBucket decodes every record of the bucket name (none when the store
// has no such bucket) as a T (strictJSON) and asks mismatch whether it says
// what its key says: "" when it does, else what it says instead. The first
// record that fails is the error, named by bucket and key (recordError).
func checkBucket[T any](tx *bbolt.Tx, name []byte, mismatch func(k []byte, r *T) string) error {
	b := tx.Bucket(name)
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		var r T
		if err := strictJSON(v, &r); err != nil {
			return recordError(name, k, err.Error())
		}
		if msg := mismatch(k, &r); msg != "" {
			return recordError(name, k, msg)
		}
		return nil
	})
}

// recordError is the error of the record at key k of bucket that does not
// read back: msg says why.
func recordError(bucket, k []byte, msg string) error {
	return fmt.Errorf("bucket %q, key %s: %s", bucket, printableKey(k), msg)
}

// unless is "" when ok, else the message format makes of args.
func unless(ok bool, format string, args ...any) string {
	if ok {
		return ""
	}
	return fmt.Sprintf(format, args...)
}

// strictJSON decodes a stored record as getJSON does, refusing a field the
// type does not have: a changed byte in a field's name ("not9" for "note")
// decodes, losing the field. No field plancast wrote has been taken out of
// its type.
func strictJSON(data []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("decode stored %T: %w", v, err)
	}
	if d.More() {
		return fmt.Errorf("decode stored %T: more after the record", v)
	}
	return nil
}

// printableKey quotes a key as the store builds them: its text parts
// separated by "/", the bytes of a year or a time escaped.
func printableKey(k []byte) string {
	return strconv.Quote(strings.ReplaceAll(string(k), "\x00", "/"))
}

// ArchiveGivenError is CheckFile's error for a plancast export archive
// given where a backup is expected. Its message gives the command that
// rebuilds a store from it, into DataDir, which the caller knows (the
// --data-dir of a restore); "DIR" when it is "".
type ArchiveGivenError struct{ Path, DataDir string }

func (e *ArchiveGivenError) Error() string {
	dir := e.DataDir
	if dir == "" {
		dir = "DIR"
	}
	return fmt.Sprintf("%s is a plancast export archive, not a backup: rebuild a store from it with plancast import %s --data-dir %s", e.Path, e.Path, dir)
}

// isArchive tells whether the file at path begins as a plancast export
// archive does (plancast export: JSON, gzipped or not), which a backup's
// check takes for a damaged store.
func isArchive(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	head := make([]byte, 2)
	if n, _ := io.ReadFull(r, head); n == 2 && head[0] == 0x1f && head[1] == 0x8b {
		f.Seek(0, io.SeekStart)
		z, err := gzip.NewReader(f)
		if err != nil {
			return false
		}
		defer z.Close()
		r = z
	} else {
		r = io.MultiReader(bytes.NewReader(head[:n]), r)
	}
	start := make([]byte, 256)
	n, _ := io.ReadFull(r, start)
	return bytes.Contains(start[:n], []byte(`"format":"`+plancast.ArchiveFormat+`"`))
}

package bolt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"

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
	tx, err := s.db.Begin(false)
	if err != nil {
		return nil, plancast.Errorf(plancast.EUNAVAILABLE, "begin a snapshot of %s: %v", s.path, err)
	}
	return &snapshot{tx: tx, ctx: ctx}, nil
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
// every page and counts what the file holds: the check of a backup before it
// is trusted, and of a file before it is put in place.
func CheckFile(path string) (c Contents, err error) {
	defer func() {
		// bbolt trusts the pages it reads; a damaged file can make it panic
		// where it should have said so.
		if p := recover(); p != nil {
			err = fmt.Errorf("check %s: the file is damaged: %v", path, p)
		}
	}()
	db, err := bbolt.Open(path, 0o400, &bbolt.Options{ReadOnly: true, Timeout: lockWait})
	if err != nil {
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

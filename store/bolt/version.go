package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// A data version names one state of the data: an ETag of a chart and a
// client's If-Match are made of it. A store file put in place of another
// (plancast restore) brings the counter it had when it was copied, which
// the store it replaces may have passed long since, with other data; the
// next push would then give a version already seen to different data. So
// the file put in place first has its counter moved past every version
// the data directory has had (MoveVersionPast), read from the files that
// held them (FileVersion).

// FileVersion returns the data version of the store file at path, opened
// read-only: a file no process writes, such as a store kept aside by a
// restore.
func FileVersion(path string) (string, error) {
	db, err := bbolt.Open(path, 0o400, &bbolt.Options{ReadOnly: true, Timeout: lockWait})
	if err != nil {
		return "", fmt.Errorf("read the data version of %s: %w", path, err)
	}
	defer db.Close()
	var v uint64
	err = db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketMeta) == nil {
			return fmt.Errorf("not a plancast store: no %q bucket", bucketMeta)
		}
		v = readVersion(tx)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("read the data version of %s: %w", path, err)
	}
	return strconv.FormatUint(v, 10), nil
}

// MoveVersionPast sets the data version of the store file at path to one
// more than the highest of its own and the versions seen, and returns it.
// No process may hold the file (it fails with ErrHeld if one does). The
// version stays a decimal counter: it only moves further than a write
// would move it.
func MoveVersionPast(path string, seen ...string) (string, error) {
	highest, err := HighestVersion(seen...)
	if err != nil {
		return "", err
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: lockWait})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return "", fmt.Errorf("set the data version of %s: %w", path, ErrHeld)
		}
		return "", fmt.Errorf("set the data version of %s: %w", path, err)
	}
	defer db.Close()
	return moveVersionPast(db, path, highest)
}

// MoveVersionPast is MoveVersionPast of the store s holds open: for a
// command that changed the store from outside its own history (plancast
// import, whose archive comes from a store that gave versions of its own).
func (s *Store) MoveVersionPast(seen ...string) (string, error) {
	highest, err := HighestVersion(seen...)
	if err != nil {
		return "", err
	}
	return moveVersionPast(s.db, s.path, highest)
}

// HighestVersion is the highest of data versions, each a decimal counter.
func HighestVersion(seen ...string) (uint64, error) {
	var highest uint64
	for _, s := range seen {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("data version %q is not a counter", s)
		}
		highest = max(highest, v)
	}
	return highest, nil
}

// moveVersionPast sets the data version of db (the store file at path) to
// one more than the highest of its own and highest, and returns it.
func moveVersionPast(db *bbolt.DB, path string, highest uint64) (string, error) {
	var now uint64
	err := db.Update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return fmt.Errorf("not a plancast store: no %q bucket", bucketMeta)
		}
		highest = max(highest, readVersion(tx))
		if highest == math.MaxUint64 {
			return fmt.Errorf("data version %d has no successor", highest)
		}
		now = highest + 1
		var b [8]byte
		binary.BigEndian.PutUint64(b[:], now)
		return meta.Put(keyVersion, b[:])
	})
	if err != nil {
		return "", fmt.Errorf("set the data version of %s: %w", path, err)
	}
	return strconv.FormatUint(now, 10), nil
}

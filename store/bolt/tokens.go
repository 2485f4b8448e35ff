package bolt

import (
	"context"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
)

// PutToken stores a token under its hash.
func (s *Store) PutToken(ctx context.Context, t plancast.Token) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.update("write token", func(tx *bbolt.Tx) error {
		return putJSON(tx.Bucket(bucketTokens), []byte(t.Hash), &t)
	})
}

// TokenByHash returns the token with that hash.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*plancast.Token, error) {
	var t *plancast.Token
	err := s.view(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketTokens).Get([]byte(hash))
		if v == nil {
			return plancast.Errorf(plancast.ENOTFOUND, "no such token")
		}
		t = new(plancast.Token)
		return getJSON(v, t)
	})
	return t, err
}

// Tokens returns every stored token, revoked ones too, oldest first.
func (s *Store) Tokens(ctx context.Context) ([]plancast.Token, error) {
	var out []plancast.Token
	err := s.view(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketTokens).ForEach(func(_, v []byte) error {
			var t plancast.Token
			if err := getJSON(v, &t); err != nil {
				return err
			}
			out = append(out, t)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	plancast.SortTokens(out)
	return out, nil
}

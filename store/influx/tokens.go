package influx

import (
	"context"
	"encoding/json"
	"fmt"

	influxdb2 "github.com/influxdata/influxdb-client-go/v2"
	"github.com/influxdata/influxdb-client-go/v2/api/write"

	"github.com/plancast/plancast"
)

// PutToken stores a token under its hash.
func (s *Store) PutToken(ctx context.Context, t plancast.Token) error {
	if err := t.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(&t)
	if err != nil {
		return err
	}
	p := influxdb2.NewPoint(s.m("token"), map[string]string{"hash": t.Hash}, map[string]any{"json": string(data)}, epoch)
	return s.send(ctx, "write token", []*write.Point{p})
}

// TokenByHash returns the token with that hash.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*plancast.Token, error) {
	var t *plancast.Token
	err := s.jsonRows(ctx, "token", " and r.hash == "+fluxString(hash), func(data []byte) error {
		t = new(plancast.Token)
		if err := json.Unmarshal(data, t); err != nil {
			return fmt.Errorf("decode stored token: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, plancast.Errorf(plancast.ENOTFOUND, "no such token")
	}
	return t, nil
}

// Tokens returns every stored token, revoked ones too, oldest first. A
// revocation rewrites the token's one point (same hash tag, same epoch
// time), so each hash reads back once, as last written.
func (s *Store) Tokens(ctx context.Context) ([]plancast.Token, error) {
	var out []plancast.Token
	err := s.jsonRows(ctx, "token", "", func(data []byte) error {
		var t plancast.Token
		if err := json.Unmarshal(data, &t); err != nil {
			return fmt.Errorf("decode stored token: %w", err)
		}
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	plancast.SortTokens(out)
	return out, nil
}

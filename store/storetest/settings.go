package storetest

import (
	"testing"
	"time"

	"github.com/exosh/exosh/store"
)

func settingsTests() []test {
	return []test{
		{"Tenant", testTenant},
		{"OrganizationConfig", testOrganizationConfig},
		{"AuditBypass", testAuditBypass},
	}
}

// fixedTime is the suite's reference instant.
var fixedTime = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func testTenant(t *testing.T, s store.Store) {
	_, err := s.Tenant(ctx)
	wantErr(t, "before first write", err, store.ErrNotFound)
	want := store.Tenant{
		Name: "contoso", DisplayName: "Contoso", InitialDomain: Domain,
		AcceptedDomains: []store.AcceptedDomain{{Name: Domain, DomainName: Domain, DomainType: "Authoritative", Default: true, Initial: true}},
		Server:          "DB6PR06A001DC06.EURPR06A001.prod.outlook.com",
		Clock:           store.ClockSetting{Mode: store.ClockPinned, Pinned: fixedTime},
		AuditDefaults:   "2011",
	}
	got, err := s.UpdateTenant(ctx, func(t *store.Tenant) error { *t = want; return nil })
	wantErr(t, "UpdateTenant", err, nil)
	same(t, "returned", got, want)
	got, err = s.Tenant(ctx)
	wantErr(t, "Tenant", err, nil)
	same(t, "stored", got, want)
	if now := got.Clock.Now(fixedTime.Add(time.Hour)); !now.Equal(fixedTime) {
		t.Errorf("pinned clock: %v", now)
	}
	_, err = s.UpdateTenant(ctx, func(t *store.Tenant) error {
		t.Clock = store.ClockSetting{Mode: store.ClockOffset, Offset: -48 * time.Hour}
		return nil
	})
	wantErr(t, "offset clock", err, nil)
	got, _ = s.Tenant(ctx)
	if now := got.Clock.Now(fixedTime); !now.Equal(fixedTime.Add(-48 * time.Hour)) {
		t.Errorf("offset clock: %v", now)
	}
	_, err = s.UpdateTenant(ctx, func(t *store.Tenant) error { t.Clock = store.ClockSetting{Mode: "Sideways"}; return nil })
	wantErr(t, "bad clock", err, store.ErrInvalid)
	got, _ = s.Tenant(ctx)
	if got.Clock.Mode != store.ClockOffset || got.Name != "contoso" || got.AuditDefaults != "2011" {
		t.Errorf("refused update was written: %+v", got)
	}
}

func testOrganizationConfig(t *testing.T, s store.Store) {
	_, err := s.OrganizationConfig(ctx)
	wantErr(t, "before first write", err, store.ErrNotFound)
	_, err = s.UpdateOrganizationConfig(ctx, func(c *store.OrganizationConfig) error {
		c.Name = "contoso.onmicrosoft.com"
		c.AuditDisabled = false
		return nil
	})
	wantErr(t, "create", err, nil)
	_, err = s.UpdateOrganizationConfig(ctx, func(c *store.OrganizationConfig) error {
		c.AuditDisabled = true
		c.Extra = map[string]string{"FocusedInboxOn": "True"}
		return nil
	})
	wantErr(t, "update", err, nil)
	got, err := s.OrganizationConfig(ctx)
	wantErr(t, "read", err, nil)
	same(t, "org config", got, store.OrganizationConfig{Name: "contoso.onmicrosoft.com", AuditDisabled: true, Extra: map[string]string{"FocusedInboxOn": "True"}})
}

func testAuditBypass(t *testing.T, s store.Store) {
	_, err := s.AuditBypass(ctx, ID(0, 1))
	wantErr(t, "none", err, store.ErrNotFound)
	for i := 1; i <= 7; i++ {
		wantErr(t, "put", s.PutAuditBypass(ctx, store.AuditBypass{ID: ID(0, i), Name: "svc", AuditBypassEnabled: i%2 == 0}), nil)
	}
	b, err := s.AuditBypass(ctx, ID(0, 2))
	if err != nil || !b.AuditBypassEnabled {
		t.Errorf("AuditBypass: %+v, %v", b, err)
	}
	var got []store.ID
	var after store.Cursor
	for {
		bs, next, err := s.AuditBypasses(ctx, 3, after)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bs {
			got = append(got, b.ID)
		}
		if next == "" {
			break
		}
		after = next
	}
	if len(got) != 7 || got[0] != ID(0, 1) || got[6] != ID(0, 7) {
		t.Errorf("paged bypasses: %v", got)
	}
	wantErr(t, "delete", s.DeleteAuditBypass(ctx, ID(0, 1)), nil)
	wantErr(t, "delete again", s.DeleteAuditBypass(ctx, ID(0, 1)), store.ErrNotFound)
	wantErr(t, "no id", s.PutAuditBypass(ctx, store.AuditBypass{}), store.ErrInvalid)
}

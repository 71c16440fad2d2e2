"""pending OAuth authorizations; connector tokens encrypted from now on

Revision ID: 0006
Revises: 0005

``oauth_states`` keeps, between the redirect to a provider and its callback, the SHA-256 of
the ``state`` (primary key: single use), the owner and the PKCE verifier (encrypted), with
an expiry (indexed so old rows can be pruned).

Tokens in ``wearable_connections`` are encrypted by the application from this revision on
(``store.token_crypto``). No data is rewritten here: the key belongs to the application's
settings, not to the migration. Rows written before are plaintext (no ``fernet:`` prefix)
and are re-encrypted the first time the application reads them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create ``oauth_states``."""
    op.create_table(
        "oauth_states",
        sa.Column("state_hash", sa.String(length=64), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("code_verifier", sa.Text(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("state_hash"),
    )
    op.create_index("ix_oauth_states_expires", "oauth_states", ["expires_at"])


def downgrade() -> None:
    """Drop ``oauth_states``."""
    op.drop_index("ix_oauth_states_expires", table_name="oauth_states")
    op.drop_table("oauth_states")

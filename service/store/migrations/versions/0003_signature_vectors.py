"""document_signatures.vectors / encoder: each stored document's passage embeddings (float16) and
the encoder that made them, so a draft check embeds only the draft (service/compare/vectors.py).

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('document_signatures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('vectors', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('encoder', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('document_signatures', schema=None) as batch_op:
        batch_op.drop_column('encoder')
        batch_op.drop_column('vectors')

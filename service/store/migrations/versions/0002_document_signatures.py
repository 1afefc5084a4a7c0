"""document_signatures: what the source ranking (service.archive) reads of each stored document

Rows for documents stored before this revision are filled in by the service on first use
(service.store.sources.backfill).

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('document_signatures',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=32), nullable=False),
    sa.Column('number_key', sa.String(length=128), nullable=True),
    sa.Column('tasks', sa.Text(), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id')
    )
    with op.batch_alter_table('document_signatures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_signatures_number_key'), ['number_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('document_signatures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_signatures_number_key'))
    op.drop_table('document_signatures')

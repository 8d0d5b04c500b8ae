-- Laboratory staff: the LAB role (decision 0601).
ALTER TABLE staff_role DROP CONSTRAINT staff_role_known;
ALTER TABLE staff_role ADD CONSTRAINT staff_role_known
    CHECK (role IN ('RECEPTION', 'NURSE', 'DOCTOR', 'BILLING', 'ADMIN', 'LAB'));

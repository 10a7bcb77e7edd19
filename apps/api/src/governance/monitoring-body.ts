/**
 * The committee that monitors policy `p`: the one named on the policy, else the first body of its
 * approval route (the trust's default route when it has none). For `LEFT JOIN governance_body body ON …`.
 */
export const MONITORING_BODY_OF_P = `body.organisation_id = p.organisation_id AND body.id = coalesce(p.monitoring_body_id, (
           SELECT s.body_id FROM approval_route_stage s
            WHERE s.organisation_id = p.organisation_id
              AND s.route_id = coalesce(p.approval_route_id, (SELECT r.id FROM approval_route r WHERE r.organisation_id = p.organisation_id AND r.is_default))
            ORDER BY s.position LIMIT 1))`;

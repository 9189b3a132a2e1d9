package kz.oqytu.materials.domain;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.materials.UnacknowledgedMaterials;

/** Deliveries waiting for an acknowledgement, one statement. */
@Service
class UnacknowledgedMaterialsQuery implements UnacknowledgedMaterials {

	private final JdbcClient jdbc;

	UnacknowledgedMaterialsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Unacknowledged> sentOnOrBefore(LocalDate date) {
		return jdbc.sql("""
				select d.material_id, d.version_id, d.org_unit_id, m.title_kk, m.title_ru, t.sent_on
				from material_delivery d
				join material m on m.id = d.material_id
				join material_distribution t on t.id = d.distribution_id
				join organizations_v_unit o on o.id = d.org_unit_id and o.active
				where d.acknowledged_at is null and t.sent_on <= :date
				order by d.org_unit_id, t.sent_on, d.version_id""")
			.param("date", date)
			.query((rs, n) -> new Unacknowledged(rs.getLong("material_id"), rs.getLong("version_id"),
					rs.getLong("org_unit_id"), rs.getString("title_kk"), rs.getString("title_ru"),
					rs.getObject("sent_on", LocalDate.class)))
			.list();
	}
}

package com.mindroom.admin.alert;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mindroom.admin.alert.AlertIncidents.Incident;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert incidents as JSON, as the incidents page shows them.
 */
@RestController
@Tag(name = "Incidents", description = "The alert incidents the provisioner opens and resolves")
class IncidentApi {

	private final AlertIncidents incidents;

	IncidentApi(AlertIncidents incidents) {
		this.incidents = incidents;
	}

	@GetMapping("/api/admin/incidents")
	@Operation(summary = "Open alert incidents and those resolved within the last 7 days",
			description = "Open ones critical first, then the newest; resolved ones newest first (at most 50).")
	IncidentsView incidents() {
		return new IncidentsView(this.incidents.open(), this.incidents.recentlyResolved());
	}

	/**
	 * The incidents.
	 *
	 * @param open the open incidents
	 * @param resolved those resolved within the last 7 days
	 */
	record IncidentsView(List<Incident> open, List<Incident> resolved) {

	}

}

// Custody's offline map: Leaflet (WebJar) over country outlines shipped with the server, no tile server.
// The element's data-src names the JSON (sightings, unit areas, places); a list of the same points follows
// the map so keyboard and screen-reader users get every link too.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") return;
  var map = L.map(el, { zoomSnap: 0.5, keyboard: true }).setView([33.3, 43.7], 5.5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth · places: GeoNames");

  function json(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + " answered " + r.status);
      return r.json();
    });
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function say(text) {
    var p = document.createElement("p");
    p.className = "error";
    p.setAttribute("role", "alert");
    p.textContent = text;
    el.insertAdjacentElement("afterend", p);
  }

  json(el.dataset.src).then(function (data) {
    return json(data.outlines).then(function (outlines) {
      L.geoJSON(outlines, {
        style: { color: "#6e7781", weight: 1, fillColor: "#f3efe3", fillOpacity: 1 },
        onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name, { sticky: true }); }
      }).addTo(map);
      return data;
    });
  }).then(function (data) {
    var bounds = [];
    data.places.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], { radius: 2, color: "#57606a", weight: 1, fillOpacity: 0.8 })
        .bindTooltip(p.name).addTo(map);
    });
    data.areas.forEach(function (a) {
      L.circle([a.lat, a.lon], { radius: a.radiusKm * 1000, color: "#1f6feb", weight: 1, fillOpacity: 0.12 })
        .bindPopup('<a href="' + encodeURI(a.href) + '"></a>').on("popupopen", function (e) {
          e.popup.getElement().querySelector("a").textContent = a.label;
        }).addTo(map);
      bounds.push([a.lat, a.lon]);
    });
    data.sightings.forEach(function (s) {
      L.circleMarker([s.lat, s.lon], { radius: 7, color: "#fff", weight: 1, fillColor: "#cf222e", fillOpacity: 0.9 })
        .bindPopup('<a href="' + encodeURI(s.href) + '"></a>').on("popupopen", function (e) {
          e.popup.getElement().querySelector("a").textContent = s.label;
        }).addTo(map);
      bounds.push([s.lat, s.lon]);
    });
    if (bounds.length > 0) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7 });

    var list = document.createElement("ul");
    list.className = "plain map-points";
    data.sightings.forEach(function (s) {
      var li = document.createElement("li");
      li.append("Sighting: ", link(s.href, s.label));
      list.appendChild(li);
    });
    data.areas.forEach(function (a) {
      var li = document.createElement("li");
      li.append("Area of operation (" + a.radiusKm + " km): ", link(a.href, a.label));
      list.appendChild(li);
    });
    if (!list.children.length) {
      var none = document.createElement("p");
      none.className = "empty";
      none.textContent = "Nothing to place on the map: no sighting place or unit area is recorded.";
      el.parentNode.insertBefore(none, el.nextSibling);
    } else {
      var details = document.createElement("details");
      var summary = document.createElement("summary");
      summary.textContent = "The " + list.children.length + " points on the map as a list";
      details.append(summary, list);
      var note = el.parentNode.querySelector(".map-note");
      (note || el).insertAdjacentElement("afterend", details);
    }
  }).catch(function (e) {
    say("The map could not be drawn: " + e.message);
  });
})();

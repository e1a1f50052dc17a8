// Placeholder until the contractor domain ships; it shows no data so nobody mistakes it for a real entry form.
Component({});
